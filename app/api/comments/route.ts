// GET  /api/comments?articleId=… — a signed form token for a comment form about to be shown
// POST /api/comments            — submit a reader comment (JSON or form-encoded); 429 when over the flood limits
import { after, NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { clientIp, issueCommentFormToken, submitComment, submittedMessage } from '@/lib/comments';
import { RateLimitedError } from '@/lib/rate-limit';
import { toAppError } from '@/lib/errors';
import { notifyPendingComment } from '@/lib/notifications';
import { commentSubmissionSchema } from '@/lib/validation/comments';

export const dynamic = 'force-dynamic';

function errorResponse(e: unknown) {
  const err = toAppError(e);
  const headers: Record<string, string> = err instanceof RateLimitedError ? { 'Retry-After': String(err.retryAfterSeconds) } : {};
  return NextResponse.json({ error: { code: err.code, message: err.message, fields: err.details } }, { status: err.status, headers });
}

export async function GET(req: NextRequest) {
  const articleId = z.string().min(1).max(40).safeParse(req.nextUrl.searchParams.get('articleId'));
  if (!articleId.success) return NextResponse.json({ error: { code: 'bad_request', message: 'articleId is required.' } }, { status: 400 });
  return NextResponse.json({ formToken: issueCommentFormToken(articleId.data) }, { headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(req: NextRequest) {
  try {
    const type = req.headers.get('content-type') ?? '';
    let raw: unknown;
    if (type.includes('application/json')) {
      raw = await req.json().catch(() => null);
    } else {
      const form = await req.formData();
      raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
    }
    if (!raw || typeof raw !== 'object') return NextResponse.json({ error: { code: 'bad_request', message: 'Send the comment as JSON or form data.' } }, { status: 400 });
    const { formToken, contact_fax, ...input } = commentSubmissionSchema.parse(raw);
    const result = await submitComment({ ...input, formToken, honeypot: contact_fax }, { ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') });
    if (result.status === 'PENDING') after(() => notifyPendingComment(result.id).catch((e) => console.error('comment notification failed', e)));
    // Spam is reported as pending, like the form does: a bot learns nothing.
    const status = result.status === 'APPROVED' ? 'approved' : 'pending';
    return NextResponse.json({ status, message: submittedMessage(result) }, { status: 202 });
  } catch (e) {
    return errorResponse(e);
  }
}
