import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

/** The header of a page under Comments (bans, outbox, settings, privacy): back to the queue, the title, what the page is for. */
export function CommentSubpageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return <PageHeader breadcrumb={[{ label: 'Comments', href: '/admin/comments' }]} title={title} description={children} />;
}
