import Link from 'next/link';

/** "Newer stories" / "Older stories" links for a paginated listing at `basePath` (pages 2+ at `basePath/page/N`, cacheable paths). */
export function Pagination({ basePath, page, pages }: { basePath: string; page: number; pages: number }) {
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-10 flex justify-between">
      {page > 1 ? (
        <Link href={page === 2 ? basePath : `${basePath}/page/${page - 1}`} rel="prev" className="underline">
          Newer stories
        </Link>
      ) : (
        <span />
      )}
      {page < pages ? (
        <Link href={`${basePath}/page/${page + 1}`} rel="next" className="underline">
          Older stories
        </Link>
      ) : null}
    </nav>
  );
}
