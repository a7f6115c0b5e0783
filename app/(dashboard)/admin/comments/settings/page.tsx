import Link from 'next/link';
import { CommentSettingsForm } from '@/components/admin/comment-settings-form';
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
      <p className="text-sm">
        <Link href="/admin/comments" className="underline">
          Comments
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Comment settings</h1>
      <CommentSettingsForm values={settings} action={saveCommentSettingsAction} minSecondsFromEnv={minSeconds.fromEnv ? minSeconds.seconds : undefined} />
      <section aria-labelledby="server-rules" className="mt-10 max-w-2xl text-sm">
        <h2 id="server-rules" className="text-lg font-semibold">
          Always on
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>A hidden honeypot field: comments that fill it go to spam.</li>
          <li>A signed timestamp in every form: comments without one, or sent sooner than {minSeconds.seconds} seconds after the form was served, go to spam{minSeconds.fromEnv ? ' (set by COMMENT_MIN_SECONDS)' : ''}.</li>
          <li>The same comment twice from one email on one article is refused.</li>
          <li>Flood limits (COMMENT_RATE_LIMITS, {limits.shared ? 'shared through Redis' : 'per server process'}): {limits.rules}.</li>
          <li>Limits on readers’ reports (REPORT_RATE_LIMITS): {limits.reports}.</li>
        </ul>
      </section>
    </>
  );
}
