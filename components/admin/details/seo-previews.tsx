import { SEO_DESCRIPTION_HINT, SEO_TITLE_HINT } from '@/lib/validation/articles';

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How the article will look as a search result and as a social card, live as the fields change. */
export function SeoPreviews({ url, title, description, imageUrl, siteName }: { url: string; title: string; description: string; imageUrl?: string; siteName: string }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <figure aria-label="Search result preview" className="rounded-lg border border-subtle bg-surface p-3">
        <figcaption className="text-xs font-semibold text-muted uppercase">Search result preview</figcaption>
        <p className="mt-2 truncate text-xs text-muted">{url}</p>
        <p className="text-lg leading-snug text-info">{cut(title, SEO_TITLE_HINT)}</p>
        <p className="text-sm">{description ? cut(description, SEO_DESCRIPTION_HINT) : 'No description: search engines will pick text from the page.'}</p>
      </figure>
      <figure aria-label="Social card preview" className="overflow-hidden rounded-lg border border-subtle bg-surface">
        {imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a preview of an uploaded file, any size
          <img src={imageUrl} alt="" className="aspect-[1.91/1] w-full bg-surface-muted object-cover" />
        ) : (
          <div className="flex aspect-[1.91/1] items-center justify-center bg-surface-muted text-xs text-muted">No social image</div>
        )}
        <figcaption className="p-3">
          <span className="block text-xs text-muted uppercase">{siteName}</span>
          <span className="block font-semibold">{title}</span>
          <span className="line-clamp-2 block text-sm text-muted">{description}</span>
        </figcaption>
      </figure>
    </div>
  );
}
