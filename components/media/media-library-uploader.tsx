'use client';

import { useRouter } from 'next/navigation';
import { MediaUploader } from './media-uploader';

/** The library page's uploader: the grid refreshes as each upload lands. */
export function MediaLibraryUploader({ maxMegabytes }: { maxMegabytes: number }) {
  const router = useRouter();
  return <MediaUploader maxMegabytes={maxMegabytes} onUploaded={() => router.refresh()} />;
}
