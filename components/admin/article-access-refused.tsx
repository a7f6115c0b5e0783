import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

/** Shown instead of an article's editor or history to someone who may not open it. */
export function ArticleAccessRefused({ reason }: { reason: string }) {
  return (
    <>
      <PageHeader title="You cannot open this article" description={`${reason} Ask an editor if you need to work on it.`} breadcrumb={[{ label: 'Articles', href: '/admin/articles' }]} />
      <ButtonLink href="/admin/articles">Back to your articles</ButtonLink>
    </>
  );
}
