import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

const name = z.string().trim().min(1, 'Enter a name.').max(100, 'Keep the name under 100 characters.');
const email = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address.'));
const password = z.string().min(12, 'Use at least 12 characters for the password.').max(200, 'Keep the password under 200 characters.');
export const roleSchema = z.enum(ROLES, { error: 'Choose a role from the list.' });
export const userIdSchema = z.string().trim().min(1).max(40);

/** "Add user" (admins): a temporary password the person changes on their profile page. */
export const createUserSchema = z.object({ name, email, role: roleSchema, password });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const setUserActiveSchema = z.object({
  userId: userIdSchema,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

/** The user's own profile. */
export const profileSchema = z.object({
  name,
  bio: z
    .string()
    .trim()
    .max(1000, 'Keep the bio under 1,000 characters.')
    .default('')
    .transform((v) => v || null),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(200),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: 'The two new passwords do not match.', path: ['confirmPassword'] });
