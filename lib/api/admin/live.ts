import 'server-only';
import { bodyOf, callDomain } from '@/lib/api/admin/articles';
import { parseInput } from '@/lib/api/admin-handler';
import { AppError } from '@/lib/errors';
import { deleteLiveUpdate, editLiveUpdate, listLiveUpdatesForEditor, postLiveUpdate, type LiveUpdate } from '@/lib/live-coverage';
import type { StaffUser } from '@/lib/users';
import { liveUpdateFormSchema } from '@/lib/validation/live-coverage';
import type { createAdminLiveUpdateSchema, updateAdminLiveUpdateSchema } from '@/lib/validation/admin-api';
import type { z } from 'zod';

// Live coverage over the admin API, a thin translation onto lib/live-coverage (the live desk's
// own functions): editors on any article, authors on their own; every update is rendered and
// sanitised on the server from its document, audited, announced to open pages and webhooks.

/** The live desk's headline rule (length), as a 422 on `headline`. */
const headlineOf = (headline: string | undefined) => parseInput(liveUpdateFormSchema.pick({ headline: true }), { headline: headline ?? '' }).headline;

export async function postAdminLiveUpdate(articleId: string, input: z.output<typeof createAdminLiveUpdateSchema>, user: StaffUser): Promise<LiveUpdate> {
  const doc = bodyOf(input)!;
  return callDomain(() => postLiveUpdate({ articleId, headline: headlineOf(input.headline), bodyJson: doc, keyEvent: input.keyEvent ?? false, pinned: input.pinned ?? false }, user));
}

/** PATCH from `version` (If-Match): the fields sent change, the rest stay as they are. */
export async function updateAdminLiveUpdate(articleId: string, updateId: string, version: number, patch: z.output<typeof updateAdminLiveUpdateSchema>, user: StaffUser): Promise<LiveUpdate> {
  const { updates } = await listLiveUpdatesForEditor(articleId, user);
  const current = updates.find((u) => u.id === updateId);
  if (!current) throw new AppError('not_found', 'This update no longer exists.');
  const bodyJson = bodyOf(patch) ?? current.bodyJson;
  return callDomain(() =>
    editLiveUpdate(
      {
        articleId,
        updateId,
        version,
        headline: patch.headline === undefined ? (current.headline ?? '') : headlineOf(patch.headline),
        bodyJson,
        keyEvent: patch.keyEvent ?? current.keyEvent,
        pinned: patch.pinned ?? current.pinned,
      },
      user,
    ),
  );
}

export async function deleteAdminLiveUpdate(articleId: string, updateId: string, version: number, user: StaffUser) {
  await deleteLiveUpdate(articleId, updateId, user, { version });
  return { id: updateId, deleted: true as const };
}
