// Role ranks shared by server checks and the UI (no server-only: the dashboard shows buttons by role).
export const ROLES = ['CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `min` (ADMIN > EDITOR > AUTHOR > CONTRIBUTOR). */
export function hasRole(role: Role | undefined | null, min: Role): boolean {
  return !!role && ROLES.indexOf(role) >= ROLES.indexOf(min);
}
