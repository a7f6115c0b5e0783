'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { runAction, type ActionState } from '@/lib/actions';
import { submitComment } from '@/lib/comments';
import { commentFormSchema } from '@/lib/validation/comments';

/** "Leave a reply": validates with the same schema as the form, stores the comment for moderation. */
export async function postCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const input = commentFormSchema.parse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
    const h = await headers();
    const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip');
    await submitComment(input, { ip, userAgent: h.get('user-agent') });
    revalidatePath('/admin/comments');
    return { ok: true, message: 'Thank you. Your comment is awaiting moderation and will appear once an editor approves it.' };
  });
}
