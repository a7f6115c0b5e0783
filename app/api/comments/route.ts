// GET  /api/comments?articleId=… — a signed form token for a comment form about to be shown
// POST /api/comments            — submit a reader comment (JSON or form-encoded, at most 64 KB); 429 when over the flood limits.
//                                 A plain form post that asks for HTML (no JavaScript) gets a page with the same messages.
import { after, NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { formAnswerPage, formErrorPage, wantsHtmlPage } from '@/lib/api/form-post';
import { withRequest } from '@/lib/api/handler';
import { formFields } from '@/lib/api/request';
import { clientIp, COMMENT_UNAVAILABLE_MESSAGE, issueCommentFormToken, submitComment, submittedMessage } from '@/lib/comments';
import { AppError, toAppError } from '@/lib/errors';
import { notifyPendingComment } from '@/lib/notifications';
import { commentSubmissionSchema } from '@/lib/validation/comments';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest) {
  const articleId = z.string().min(1).max(40).safeParse(req.nextUrl.searchParams.get('articleId'));
  if (!articleId.success) return NextResponse.json({ error: { code: 'bad_request', message: 'articleId is required.', details: null } }, { status: 400 });
  return NextResponse.json({ formToken: issueCommentFormToken(articleId.data) }, { headers: { 'Cache-Control': 'no-store' } });
}

export const POST = withRequest({ body: { accept: ['json', 'form', 'multipart'] } }, async ({ request, body }) => {
  try {
    const raw = body?.kind === 'json' ? body.json : body ? formFields(body.form) : null;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('bad_request', 'Send the comment as a JSON object or as form fields.');
    const { formToken, contact_fax, ...input } = commentSubmissionSchema.parse(raw);
    const result = await submitComment({ ...input, formToken, honeypot: contact_fax }, { ip: clientIp(request.headers), userAgent: request.headers.get('user-agent') }).catch((e: unknown) => {
      // The reader's text is still in their form: say plainly that nothing was saved.
      throw toAppError(e).code === 'unavailable' ? new AppError('unavailable', COMMENT_UNAVAILABLE_MESSAGE) : e;
    });
    if (result.status === 'PENDING') after(() => notifyPendingComment(result.id).catch((e) => console.error('comment notification failed', e)));
    // Spam is reported as pending, like the form does: a bot learns nothing.
    const status = result.status === 'APPROVED' ? 'approved' : 'pending';
    const message = submittedMessage(result);
    if (wantsHtmlPage(request)) return formAnswerPage(request, { status: 202, title: 'Thank you for your comment', message, anchor: '#comments-heading' });
    return NextResponse.json({ status, message }, { status: 202 });
  } catch (e) {
    if (wantsHtmlPage(request)) return formErrorPage(request, e, 'Your comment was not posted', '#comments-heading');
    throw e;
  }
});
