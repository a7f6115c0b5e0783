'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import type { BulkModerationState, CommenterExportState } from '@/lib/action-states';
import { requireRole } from '@/lib/auth/session';
import { moderateComment } from '@/lib/comments';
import { banCommentAuthor, banValue, liftBan } from '@/lib/comments/bans';
import { dismissReports, editComment, replyAsStaff } from '@/lib/comments/moderation';
import { eraseCommenterData, exportCommenterData } from '@/lib/comments/privacy';
import { toAppError } from '@/lib/errors';
import { saveCommentSettings } from '@/lib/settings/comments';
import { commentSettingsFormSchema } from '@/lib/validation/comment-settings';
import {
  banFromCommentSchema,
  banValueSchema,
  bulkModerationSchema,
  commentIdFormSchema,
  commenterEmailFormSchema,
  editCommentFormSchema,
  eraseCommenterFormSchema,
  liftBanFormSchema,
  moderateCommentFormSchema,
  staffReplySchema,
} from '@/lib/validation/comments';

// Every comment moderation screen's actions: the queue (/admin/comments), bans, privacy and
// settings. lib/comments refreshes the public pages a change touches; each action refreshes
// only its own screen.

const VERB = { approve: 'approved', unapprove: 'returned to pending', spam: 'marked as spam', trash: 'moved to the trash', delete: 'deleted forever' } as const;

/** Approve / Mark as spam / Trash / Delete under a comment in the queue. */
export async function moderateCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { commentId, action, version } = parseForm(moderateCommentFormSchema, form);
    await moderateComment(commentId, action, user, { version });
    revalidatePath('/admin/comments');
    return { ok: true, message: `Comment ${VERB[action]}.` };
  });
}

/**
 * One batch of a bulk action, called by the moderation page's bulk bar (which sends batches
 * in turn to show progress). Each comment is moderated and audited on its own.
 */
export async function bulkModerateCommentsAction(ids: string[], action: string): Promise<BulkModerationState> {
  try {
    const user = await requireRole('EDITOR');
    const input = bulkModerationSchema.parse({ ids, action });
    let done = 0;
    for (const id of input.ids) {
      try {
        await moderateComment(id, input.action, user);
        done++;
      } catch (e) {
        // A comment someone else already deleted is not a reason to stop the batch.
        if (toAppError(e).code !== 'not_found') throw e;
      }
    }
    revalidatePath('/admin/comments');
    return { ok: true, data: { done } };
  } catch (e) {
    return { ok: false, message: toAppError(e).message };
  }
}

/** "Edit" under a comment: text, name and website (editors and admins). */
export async function editCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const { commentId, ...input } = parseForm(editCommentFormSchema, form);
    await editComment(commentId, input, user);
    revalidatePath('/admin/comments');
    return { ok: true, message: 'Comment updated.' };
  });
}

/** "Reply as staff": published at once, marked as staff. */
export async function staffReplyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    const input = parseForm(staffReplySchema, form);
    await replyAsStaff(input.parentId, input.body, user);
    revalidatePath('/admin/comments');
    return { ok: true, message: 'Reply published.' };
  });
}

/** "Dismiss reports": the comment stays as it is, its open reports close. */
export async function dismissReportsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('EDITOR');
    await dismissReports(parseForm(commentIdFormSchema, form).commentId, user);
    revalidatePath('/admin/comments');
    return { ok: true, message: 'Reports dismissed.' };
  });
}

/** "Ban" under a comment: bans its email and/or IP, permanently or for some days (admins). */
export async function banFromCommentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const input = parseForm(banFromCommentSchema, form);
    const { banned } = await banCommentAuthor(input.commentId, { email: input.banEmail, ip: input.banIp, days: input.days, reason: input.reason }, user);
    revalidatePath('/admin/comments/bans');
    const what = banned.join(' and ');
    return { ok: true, message: `Banned the commenter’s ${what}${input.days ? ` for ${input.days} day${input.days === 1 ? '' : 's'}` : ' permanently'}.` };
  });
}

/** "Ban an email or IP address" on the bans page (admins). */
export async function banValueAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const input = parseForm(banValueSchema, form);
    await banValue(input.kind, input.value, { days: input.days, reason: input.reason }, user);
    revalidatePath('/admin/comments/bans');
    return { ok: true, message: `Banned that ${input.kind === 'EMAIL' ? 'email address' : 'IP address'}.` };
  });
}

/** "Lift" on the bans page (admins). */
export async function liftBanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    await liftBan(parseForm(liftBanFormSchema, form).banId, user);
    revalidatePath('/admin/comments/bans');
    return { ok: true, message: 'Ban lifted.' };
  });
}

/** "Save settings" on /admin/comments/settings (admins). */
export async function saveCommentSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    await saveCommentSettings(parseForm(commentSettingsFormSchema, form), user);
    revalidatePath('/admin/comments/settings');
    return { ok: true, message: 'Settings saved.' };
  });
}

/** "Download export": everything about one commenter's email, as JSON (admins). */
export async function exportCommenterAction(_prev: CommenterExportState, form: FormData): Promise<CommenterExportState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { email } = parseForm(commenterEmailFormSchema, form);
    const data = await exportCommenterData(email, user);
    return {
      ok: true,
      message: `Exported ${data.comments.length} comment${data.comments.length === 1 ? '' : 's'}.`,
      data: { json: JSON.stringify(data, null, 2), filename: `commenter-${email.replace(/[^a-z0-9]+/g, '-')}.json` },
    };
  });
}

/** "Erase everything" about one commenter's email (admins). */
export async function eraseCommenterAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { email } = parseForm(eraseCommenterFormSchema, form);
    const { comments } = await eraseCommenterData(email, user);
    revalidatePath('/admin/comments');
    return { ok: true, message: `Erased ${comments} comment${comments === 1 ? '' : 's'} and what was stored with them.` };
  });
}
