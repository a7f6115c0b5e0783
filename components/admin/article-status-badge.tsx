import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';

const TONE: Record<string, BadgeTone> = { DRAFT: 'neutral', IN_REVIEW: 'warning', SCHEDULED: 'info', PUBLISHED: 'success', ARCHIVED: 'danger' };

/** An article's status in its colour: Draft, In review, Scheduled, Published, Archived. */
export function ArticleStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status] ?? 'neutral'}>{ARTICLE_STATUS_LABEL[status] ?? status}</Badge>;
}
