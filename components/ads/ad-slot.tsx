import type { LiveAdSlot } from '@/lib/ads';

/**
 * One advertisement, visibly labelled. The creative box keeps the slot's aspect ratio at any
 * width up to its own, so the page does not shift when the creative loads.
 */
export function AdSlot({ slot, className = '' }: { slot: LiveAdSlot; className?: string }) {
  const labelId = `ad-${slot.id}-label`;
  return (
    <div role="group" aria-labelledby={labelId} data-ad-slot={slot.id} data-placement={slot.placement} className={`mx-auto my-8 w-full ${className}`} style={{ maxWidth: slot.width }}>
      <p id={labelId} className="mb-1 text-center text-xs uppercase tracking-wide text-muted">
        Advertisement
      </p>
      <div className="overflow-hidden border border-subtle bg-surface-muted" style={{ aspectRatio: `${slot.width} / ${slot.height}` }}>
        <AdCreative slot={slot} />
      </div>
    </div>
  );
}

function AdCreative({ slot }: { slot: LiveAdSlot }) {
  if (slot.imageUrl) {
    // Creatives are hosted by advertisers on arbitrary domains, outside next/image's optimiser.
    // eslint-disable-next-line @next/next/no-img-element
    const img = <img src={slot.imageUrl} width={slot.width} height={slot.height} alt={slot.name} loading="lazy" className="h-full w-full object-contain" />;
    return slot.linkUrl ? (
      <a href={slot.linkUrl} rel="sponsored noopener" target="_blank" className="block h-full">
        {img}
      </a>
    ) : (
      img
    );
  }
  // Sanitised on the server by lib/ads (sanitizeAdHtml) before it reaches this component.
  const html = <div className="ad-creative flex h-full flex-col items-center justify-center p-4 text-center text-sm" dangerouslySetInnerHTML={{ __html: slot.html ?? '' }} />;
  return slot.linkUrl && !/<a\s/i.test(slot.html ?? '') ? (
    <a href={slot.linkUrl} rel="sponsored noopener" className="block h-full hover:underline">
      {html}
    </a>
  ) : (
    html
  );
}
