'use server';

import { revalidatePath } from 'next/cache';
import { parseForm, runAction, type ActionState } from '@/lib/actions';
import type { CreatedKeyState } from '@/lib/action-states';
import { createApiKey, revokeApiKey } from '@/lib/api-keys';
import { saveCorsOrigins } from '@/lib/api/cors';
import { requireRole } from '@/lib/auth/session';
import { createApiKeySchema, revokeApiKeySchema } from '@/lib/validation/api-keys';
import { corsOriginsFormSchema } from '@/lib/validation/api-settings';

/** "Create key" (content or admin): returns the plaintext key this once, for the page to show. */
export async function createApiKeyAction(_prev: CreatedKeyState, form: FormData): Promise<CreatedKeyState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const created = await createApiKey(parseForm(createApiKeySchema, form), user);
    revalidatePath('/admin/api-keys');
    return { ok: true, message: `Key "${created.label}" created.`, data: { label: created.label, key: created.key } };
  });
}

/** "Revoke" in the keys table. */
export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const revoked = await revokeApiKey(parseForm(revokeApiKeySchema, form).id, user);
    revalidatePath('/admin/api-keys');
    return { ok: true, message: `Key "${revoked.label}" revoked. Requests with it are now refused.` };
  });
}

/** "Save allowed origins" in the API settings section. */
export async function saveCorsOriginsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction(form, async () => {
    const user = await requireRole('ADMIN');
    const { corsOrigins } = parseForm(corsOriginsFormSchema, form);
    const saved = await saveCorsOrigins(corsOrigins, user);
    revalidatePath('/admin/api-keys');
    return { ok: true, message: saved.length ? `Saved. Browsers on ${saved.length} origin${saved.length === 1 ? '' : 's'} may call the API.` : 'Saved. No browser origin may call the API directly.' };
  });
}
