// What the browser gets of a library item (no storage keys, no uploader id); shared by the
// upload/list route handler and the client components that read its JSON.
export type ClientMediaItem = {
  id: string;
  filename: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** Empty until the image is processed (status READY). */
  thumbnailUrl: string;
  uploadedBy: string | null;
  /** PROCESSING just after upload, READY once its sizes are made, FAILED (with processingError) if they cannot be. */
  status: 'PROCESSING' | 'READY' | 'FAILED';
  processingError: string | null;
  /** Counts changes people make (text, focal point): a save naming an older one is refused. */
  version: number;
};

export function toClientItem(m: ClientMediaItem): ClientMediaItem {
  return {
    id: m.id,
    filename: m.filename,
    width: m.width,
    height: m.height,
    alt: m.alt,
    caption: m.caption,
    credit: m.credit,
    thumbnailUrl: m.thumbnailUrl,
    uploadedBy: m.uploadedBy,
    status: m.status,
    processingError: m.processingError,
    version: m.version,
  };
}
