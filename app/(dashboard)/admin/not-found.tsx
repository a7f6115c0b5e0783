import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

export default function DashboardNotFound() {
  return (
    <>
      <PageHeader title="Not found" description="That article or page does not exist, or it was deleted." />
      <ButtonLink href="/admin/articles">Back to articles</ButtonLink>
    </>
  );
}
