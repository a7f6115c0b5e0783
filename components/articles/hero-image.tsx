import type { MediaItem } from '@/lib/media';

/** The article column is at most ~740 px wide on large screens. */
const SIZES = '(min-width: 1024px) 740px, 100vw';

/**
 * The hero figure: responsive WebP (and AVIF) renditions, width and height so the browser
 * reserves the space before the file arrives, fetched first since it is the largest paint.
 */
export function HeroImage({ image }: { image: MediaItem }) {
  const { src, srcset, avifSrcset, width, height } = image.image;
  return (
    <figure className="mt-6">
      <picture>
        {avifSrcset ? <source type="image/avif" srcSet={avifSrcset} sizes={SIZES} /> : null}
        <img src={src} srcSet={srcset} sizes={SIZES} width={width} height={height} alt={image.alt} fetchPriority="high" decoding="async" className="h-auto w-full bg-surface-muted" />
      </picture>
      {image.caption || image.credit ? (
        <figcaption className="mt-2 text-sm text-muted">
          {image.caption}
          {image.caption && image.credit ? ' — ' : ''}
          {image.credit ? <span className="media-credit">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
