// POST /api/comments/report — a reader reports a comment to the moderators (JSON or form-encoded:
// commentId, reason). Rate limited per address. A plain form post that asks for HTML gets a page.
import { revalidatePath } from 'next/cache';
import { NextResponse } from 'next/server';
import { formAnswerPage, formErrorPage, wantsHtmlPage } from '@/lib/api/form-post';
import { withRequest } from '@/lib/api/handler';
import { formFields } from '@/lib/api/request';
import { clientIp } from '@/lib/comments';
import { reportComment } from '@/lib/comments/moderation';
import { AppError } from '@/lib/errors';
import { reportCommentSchema } from '@/lib/validation/comments';

export const dynamic = 'force-dynamic';

const REPORTED = 'Thank you. A moderator will look at this comment.';

export const POST = withRequest({ body: { accept: ['json', 'form', 'multipart'], maxBytes: 8 * 1024 } }, async ({ request, body }) => {
  try {
    const raw = body?.kind === 'json' ? body.json : body ? formFields(body.form) : null;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('bad_request', 'Send the report as a JSON object or as form fields.');
    const input = reportCommentSchema.parse(raw);
    await reportComment(input.commentId, input.reason, { ip: clientIp(request.headers) });
    revalidatePath('/admin/comments');
    if (wantsHtmlPage(request)) return formAnswerPage(request, { status: 200, title: 'Comment reported', message: REPORTED, anchor: `#comment-${input.commentId}` });
    return NextResponse.json({ message: REPORTED });
  } catch (e) {
    if (wantsHtmlPage(request)) return formErrorPage(request, e, 'Your report was not sent');
    throw e;
  }
});
