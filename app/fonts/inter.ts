import localFont from 'next/font/local';

/**
 * Inter for the whole site: one Latin file with weights 400–700 (~25 KB, made by
 * scripts/subset-font.sh), preloaded, and a local fallback sized to Inter's metrics so the text
 * does not move when the font arrives. Characters outside it use the system's sans-serif.
 */
export const inter = localFont({
  src: './inter-latin-wght.woff2',
  weight: '400 700',
  style: 'normal',
  display: 'swap',
  variable: '--font-inter',
  adjustFontFallback: 'Arial',
});
