'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { clientIp, submitComment, submittedMessage } from '@/lib/comments';
import { reportComment } from '@/lib/comments/moderation';
import { notifyPendingComment } from '@/lib/notifications';
import { commentSubmissionSchema, reportCommentSchema } from '@/lib/validation/comments';

/** "Leave a reply": validates with the same schema as the form, then applies the flood limits and spam rules. */
export async function postCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const state = await runAction<undefined>(form, async () => {
    const { formToken, contact_fax, ...input } = parseForm(commentSubmissionSchema, form);
    const h = await headers();
    const result = await submitComment({ ...input, formToken, honeypot: contact_fax }, { ip: clientIp(h), userAgent: h.get('user-agent') });
    revalidatePath('/admin/comments');
    // Mail after the response: the reader does not wait for SMTP.
    if (result.status === 'PENDING') after(() => notifyPendingComment(result.id).catch((e) => console.error('comment notification failed', e)));
    return { ok: true, message: submittedMessage(result) };
  });
  // The form keeps the reader's text on any failure; say plainly that nothing was saved.
  if (state.code === 'unavailable') return { ...state, message: `Your comment could not be saved: ${COMMENT_UNAVAILABLE}` };
  return state;
}

const COMMENT_UNAVAILABLE = "we can't reach the newsroom's database right now. Your text is still here; please post it again in a minute.";

/** "Report" under a comment: records the reader's reason for the moderators. */
export async function reportCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const input = parseForm(reportCommentSchema, form);
    await reportComment(input.commentId, input.reason, { ip: clientIp(await headers()) });
    revalidatePath('/admin/comments');
    return { ok: true, message: 'Thank you. A moderator will look at this comment.' };
  });
}
