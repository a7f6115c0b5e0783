// Crop geometry around a focal point; pure, so the browser preview and the server agree.

export type Box = { left: number; top: number; width: number; height: number };

/** Clamps a focal coordinate to 0–1, with the centre for a missing value. */
export const focalOrCentre = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? 0.5 : Math.min(1, Math.max(0, v)));

/**
 * The largest box of the given aspect ratio (width / height) that fits the image, placed so
 * the focal point (0–1 on each axis) is as near its centre as the image edges allow.
 */
export function focalCrop(image: { width: number; height: number }, focal: { x?: number | null; y?: number | null }, aspect: number): Box {
  const { width: W, height: H } = image;
  let width = W;
  let height = Math.round(W / aspect);
  if (height > H) {
    height = H;
    width = Math.min(W, Math.round(H * aspect));
  }
  const place = (size: number, crop: number, f: number) => Math.min(size - crop, Math.max(0, Math.round(f * size - crop / 2)));
  return { left: place(W, width, focalOrCentre(focal.x)), top: place(H, height, focalOrCentre(focal.y)), width, height };
}
