'use server';

// Inline notes on the article editor: thin actions over lib/notes (which checks access).
import { requireRole } from '@/lib/auth/session';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import { createArticleNote, createNoteSchema, listArticleNotes, replyToArticleNote, replyToNoteSchema, resolveNoteSchema, setArticleNoteResolved, type ArticleNoteView } from '@/lib/notes';

/** The article's notes, for the editor's Notes panel. */
export async function listNotesAction(articleId: string): Promise<ActionState<ArticleNoteView[]>> {
  const form = new FormData();
  return runAction(form, async () => ({ ok: true, data: await listArticleNotes(String(articleId).slice(0, 40), await requireRole('CONTRIBUTOR')) }));
}

export async function addNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await createArticleNote(parseForm(createNoteSchema, form), user);
    return { ok: true, message: 'Note added.' };
  });
}

export async function replyToNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    await replyToArticleNote(parseForm(replyToNoteSchema, form), user);
    return { ok: true, message: 'Reply added.' };
  });
}

export async function resolveNoteAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('CONTRIBUTOR');
    const input = parseForm(resolveNoteSchema, form);
    await setArticleNoteResolved(input, user);
    return { ok: true, message: input.resolved === '1' ? 'Note resolved.' : 'Note reopened.' };
  });
}
