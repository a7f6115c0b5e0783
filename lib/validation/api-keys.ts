import { z } from 'zod';

/** The "Create key" form in /admin/api-keys, checked in the server action. */
export const createApiKeySchema = z.object({
  label: z.string().trim().min(1, 'Give the key a label, such as the app that will use it.').max(80, 'Keep the label under 80 characters.'),
});

/** "Revoke" in the keys table. */
export const revokeApiKeySchema = z.object({ id: z.string().trim().min(1).max(40) });
