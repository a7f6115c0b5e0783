import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';

/** A keyed, one-way hash for identifiers we must match but never reveal (commenter IPs, banned emails). */
export function hashIdentifier(value: string): string {
  return crypto.createHmac('sha256', env.NEXTAUTH_SECRET).update(value.trim().toLowerCase()).digest('base64url');
}
