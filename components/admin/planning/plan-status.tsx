import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ARTICLE_STATUS_LABEL } from '@/lib/articles/status';
import { lengthAgainstTarget } from '@/lib/planning/status';
import { PLAN_STATUS_LABELS, type PlanStatus } from '@/lib/validation/planning';

const TONE: Record<PlanStatus, BadgeTone> = { IDEA: 'neutral', ASSIGNED: 'info', WRITING: 'accent', EDITING: 'warning', READY: 'info', PUBLISHED: 'success' };

/** A plan's status as shown (its article's state leads once it has one). */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <Badge tone={TONE[status]}>{PLAN_STATUS_LABELS[status]}</Badge>;
}

/** The draft's live state and its words against the target: "Draft · 412 of 800 words". */
export function PlanDraftSummary({ article, targetWords }: { article: { status: string; wordCount: number } | null; targetWords: number | null }) {
  const length = lengthAgainstTarget(article?.wordCount, targetWords);
  if (!article) return <span className="text-muted">{length ? `No draft yet · ${length}` : 'No draft yet'}</span>;
  return (
    <span>
      {ARTICLE_STATUS_LABEL[article.status] ?? article.status}
      {length ? ` · ${length}` : null}
    </span>
  );
}
