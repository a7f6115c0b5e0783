import { NotFoundContent } from '@/components/site/not-found-content';

/** 404 for public pages that call notFound() (unknown article, section, tag): inside the site's header and footer. */
export default function NotFound() {
  return <NotFoundContent />;
}
