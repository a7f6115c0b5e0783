import 'server-only';
import { hasRole } from '@/lib/auth/roles';
import { AppError, StaleVersionError } from '@/lib/errors';
import { getSiteSettings } from '@/lib/settings';
import { zonedWallTimeToDate } from '@/lib/time-zone';
import type { StaffUser } from '@/lib/users';
import type { ArticleIntent } from '@/lib/validation/articles';

// The editor's buttons, shared by everything it edits (articles, pages): which status a button
// leads to, and when a schedule goes out. One place, so both follow the same workflow rules.

/** The time a "Schedule" goes out: `scheduledAt`, or the editor's "Publish at" read in the site's time zone; refused unless in the future. */
export async function resolveSchedule(intent: ArticleIntent, input: { scheduledAt?: Date; publishAt?: string }): Promise<Date | undefined> {
  if (intent !== 'schedule') return input.scheduledAt;
  let scheduledAt = input.scheduledAt;
  if (!scheduledAt && input.publishAt) scheduledAt = zonedWallTimeToDate(input.publishAt, (await getSiteSettings()).timeZone) ?? undefined;
  if (!scheduledAt) throw new AppError('unprocessable', 'Choose the date and time to publish.', { publishAt: ['Choose the date and time to publish.'] });
  if (scheduledAt.getTime() <= Date.now()) throw new AppError('unprocessable', 'Choose a publication time in the future.', { publishAt: ['Choose a publication time in the future.'] });
  return scheduledAt;
}

/** The status a button leads to; publishing, scheduling and unpublishing need an editor. */
export function statusForIntent(intent: ArticleIntent, current: string | null, user: StaffUser, noun = 'article'): string {
  if (intent === 'publish' || intent === 'unpublish' || intent === 'schedule') {
    if (!hasRole(user.role, 'EDITOR')) throw new AppError('forbidden', `Only editors and admins can publish, schedule or unpublish. Submit the ${noun} for review instead.`);
    return { publish: 'PUBLISHED', unpublish: 'DRAFT', schedule: 'SCHEDULED' }[intent];
  }
  if (intent === 'submit') return 'IN_REVIEW';
  return current ?? 'DRAFT';
}

/** The refusal of a save made on top of an older version. */
export function staleVersionError(noun: string, current: number, started: number): AppError {
  // The current version travels with it, so an API client's 412 can name it (lib/errors).
  return new StaleVersionError(
    `Someone else saved this ${noun} while you were editing (it is now at version ${current}, you started from version ${started}). Compare their version with yours, then keep yours or use theirs.`,
    current,
  );
}
