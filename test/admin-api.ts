// Calling admin API route handlers as an HTTP client would, with an admin key of a given role and scopes.
import { createApiKey } from '@/lib/api-keys';
import type { Role } from '@/lib/auth/roles';
import type { StaffUser } from '@/lib/users';
import { ADMIN_SCOPES, type AdminScope } from '@/lib/validation/api-keys';
import { createUser, unique } from '@/test/fixtures';

export type Route = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;
export type AdminKey = { key: string; id: string; label: string; user: StaffUser };

let keyMaker: StaffUser | undefined;

/** An admin key acting as a new user with `role`, with `scopes` (all by default). */
export async function adminKey(role: Role, scopes: readonly AdminScope[] = ADMIN_SCOPES, user?: StaffUser): Promise<AdminKey> {
  keyMaker ??= await createUser('ADMIN');
  const actsAs = user ?? (await createUser(role));
  const created = await createApiKey({ label: `Wire ${unique()}`, kind: 'ADMIN', actsAsId: actsAs.id, scopes: [...scopes] }, keyMaker);
  return { key: created.key, id: created.id, label: created.label, user: actsAs };
}

type CallOptions = { key?: string; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> };

/** One request to a route handler; a body that is not a FormData or string goes as JSON. */
export async function call(route: Route, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}), ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await route(new Request(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** A structured body of one paragraph. */
export const paragraphs = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
