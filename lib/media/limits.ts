// Upload size messages, shared by the server's checks and the browser's early check.

/** 14_200_000 bytes -> "14.2 MB" (decimal megabytes, as file browsers show them). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb >= 10 ? mb.toFixed(1).replace(/\.0$/, '') : mb.toFixed(1)} MB`;
}

/** A message that says what is wrong with the size and what to do, or null when it fits. */
export function uploadSizeError(size: number, maxMegabytes: number): string | null {
  if (size === 0) return 'That file is empty. Choose the image again.';
  if (size <= maxMegabytes * 1_000_000) return null;
  return `That file is ${formatMegabytes(size)}; the limit is ${maxMegabytes} MB. Resize it and try again.`;
}

/** What the file picker offers; the server checks the bytes whatever the browser says. */
export const ACCEPT_ATTRIBUTE = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
