import { CommentSettingsForm } from '@/components/admin/comment-settings-form';
import { CommentSubpageHeader } from '@/components/admin/comment-subpage-header';
import { Card, Panel } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth/session';
import { describeCommentLimits } from '@/lib/comments/limiters';
import { effectiveMinSeconds, getCommentSettings } from '@/lib/settings/comments';
import { saveCommentSettingsAction } from '../actions';

export const metadata = { title: 'Comment settings' };

export default async function CommentSettingsPage() {
  await requirePageRole('ADMIN', '/admin/comments/settings');
  const [settings, limits] = [await getCommentSettings(), describeCommentLimits()];
  const minSeconds = effectiveMinSeconds(settings);
  return (
    <>
      <CommentSubpageHeader title="Comment settings" />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CommentSettingsForm values={settings} action={saveCommentSettingsAction} minSecondsFromEnv={minSeconds.fromEnv ? minSeconds.seconds : undefined} />
        </Card>
        <Panel id="server-rules" title="Always on" className="self-start text-sm">
          <ul className="list-disc space-y-1 pl-5">
            <li>A hidden honeypot field: comments that fill it go to spam.</li>
            <li>
              A signed timestamp in every form: comments without one, or sent sooner than {minSeconds.seconds} seconds after the form was served, go to spam
              {minSeconds.fromEnv ? ' (set by COMMENT_MIN_SECONDS)' : ''}.
            </li>
            <li>The same comment twice from one email on one article is refused.</li>
            <li>
              Flood limits (COMMENT_RATE_LIMITS, {limits.shared ? 'shared through Redis' : 'per server process'}): {limits.rules}.
            </li>
            <li>Limits on readers’ reports (REPORT_RATE_LIMITS): {limits.reports}.</li>
          </ul>
        </Panel>
      </div>
    </>
  );
}
