import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { isValidTimeZone } from '@/lib/time-zone';
import { corsOriginSchema } from '@/lib/validation/api-settings';

// The admin-editable settings, one group per screen, each with two schemas:
// - `read`: the stored value as the site uses it; every field falls back to its default on its
//   own when it is unset or no longer valid, so a bad row never takes a page down;
// - `save`: what a save must satisfy (the forms validate first, with their own messages).
// lib/settings/store.ts keeps them (one memo, one invalidation path); a new group is an entry here.

// Number(null) and Number('') are 0, which is a real place: treat them as unset instead.
const coordinate = (min: number, max: number, fallback: number) => z.preprocess((v) => (v === null || v === '' ? undefined : v), z.coerce.number().min(min).max(max)).catch(fallback);

const siteRead = z.object({
  name: z.string().trim().min(1).max(80).catch('Broadsheet'),
  timeZone: z.string().refine(isValidTimeZone).catch('Europe/London'),
  weather: z
    .object({
      city: z.string().trim().min(1).max(80).catch('London'),
      latitude: coordinate(-90, 90, 51.5072),
      longitude: coordinate(-180, 180, -0.1276),
    })
    .catch({ city: 'London', latitude: 51.5072, longitude: -0.1276 }),
});

const siteSave = z.object({
  name: z.string().trim().min(1).max(80),
  timeZone: z.string().refine(isValidTimeZone),
  weather: z.object({ city: z.string().trim().min(1).max(80), latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }),
});

const wordList = z.array(z.string().trim().toLowerCase().min(1).max(200)).max(1000);
const commentsSave = z.object({
  /** Hold a comment with more than this many links. */
  maxLinks: z.number().int().min(0).max(100),
  moderationWords: wordList,
  blockWords: wordList,
  /** WordPress's "comment author must have a previously approved comment", off by default. */
  autoApproveKnown: z.boolean(),
  /** How deep replies nest: 1 means no replies. */
  threadDepth: z.number().int().min(1).max(10),
  /** Close comments this many days after publication; 0 keeps them open. */
  closeAfterDays: z.number().int().min(0).max(3650),
  /** A comment sent sooner than this many seconds after its form was served goes to spam; 0 turns the rule off. */
  minSeconds: z.number().int().min(0).max(3600),
});
const commentsRead = z.object({
  maxLinks: z.coerce.number().int().min(0).max(100).catch(2),
  moderationWords: wordList.catch([]),
  blockWords: wordList.catch([]),
  autoApproveKnown: z.boolean().catch(false),
  threadDepth: z.coerce.number().int().min(1).max(10).catch(3),
  closeAfterDays: z.coerce.number().int().min(0).max(3650).catch(0),
  minSeconds: z.coerce.number().int().min(0).max(3600).catch(3),
});

/** The site setting keys before the site group was stored as one row; read until the first save. */
const LEGACY_SITE_KEYS = { name: 'site.name', timeZone: 'site.timeZone', city: 'weather.city', latitude: 'weather.latitude', longitude: 'weather.longitude' } as const;

/** The lowest role that must use two-factor authentication, or `off`. */
export const twoFactorPolicySchema = z.enum(['off', ...ROLES], { error: 'Choose who must use two-factor authentication.' });
export type TwoFactorPolicy = z.infer<typeof twoFactorPolicySchema>;
export const TWO_FACTOR_POLICY_LABELS: Record<TwoFactorPolicy, string> = {
  off: 'Nobody (optional for everyone)',
  ADMIN: 'Admins',
  EDITOR: 'Editors and admins',
  AUTHOR: 'Authors, editors and admins',
  CONTRIBUTOR: 'Everyone',
};
/** The policy in words: "Two-factor required for editors and admins". */
export function describeTwoFactorPolicy(policy: TwoFactorPolicy): string {
  return policy === 'off' ? 'Two-factor optional for everyone' : `Two-factor required for ${TWO_FACTOR_POLICY_LABELS[policy].toLowerCase()}`;
}

export type SettingsGroupDefinition = {
  /** The Setting row holding the group's value. */
  key: string;
  read: z.ZodType;
  save: z.ZodType;
  /** Audit action of a save, and its one-line summary. */
  audit: string;
  summary?: (value: never) => string;
  /** Refused to anyone but admins with this message. */
  forbidden: string;
  /** Whether public pages show it (a save refreshes every page), beyond the group's own readers. */
  shownOnPages: boolean;
  /** Rows an older version stored the group in, read while `key` is absent and removed by the next save. */
  legacy?: { keys: string[]; value: (rows: Record<string, unknown>) => unknown };
};

export const SETTINGS_GROUPS = {
  /** Site name, time zone and the weather city in every page's header. */
  site: {
    key: 'site',
    read: siteRead,
    save: siteSave,
    audit: 'settings.site',
    summary: (v: z.output<typeof siteSave>) => `${v.name} · ${v.timeZone} · weather for ${v.weather.city}`,
    forbidden: 'Only admins can change the site settings.',
    shownOnPages: true,
    legacy: {
      keys: Object.values(LEGACY_SITE_KEYS),
      value: (rows) => {
        const k = LEGACY_SITE_KEYS;
        return { name: rows[k.name], timeZone: rows[k.timeZone], weather: { city: rows[k.city], latitude: rows[k.latitude], longitude: rows[k.longitude] } };
      },
    },
  },
  /** The comment rules: moderation, spam, threading and closing. */
  comments: {
    key: 'comments.rules',
    read: commentsRead,
    save: commentsSave,
    audit: 'settings.comments',
    forbidden: 'Only admins can change the comment settings.',
    // Article pages show whether comments are open and how deep replies go.
    shownOnPages: true,
  },
  /** Browser origins allowed to call the content API (CORS). */
  cors: {
    key: 'api.corsOrigins',
    read: z.array(corsOriginSchema).catch([]),
    save: z.array(corsOriginSchema).max(100),
    audit: 'settings.api_cors',
    forbidden: 'Only admins change the API settings.',
    shownOnPages: false,
  },
  /** Who must use two-factor authentication (read on every dashboard request). */
  twoFactor: {
    key: 'security.twoFactorRequiredFrom',
    read: twoFactorPolicySchema.catch('off'),
    save: twoFactorPolicySchema,
    audit: 'settings.two_factor_policy',
    summary: describeTwoFactorPolicy,
    forbidden: 'Only admins can change who must use two-factor authentication.',
    shownOnPages: false,
  },
} satisfies Record<string, SettingsGroupDefinition>;

export type SettingsGroup = keyof typeof SETTINGS_GROUPS;
/** A group's settings as the site reads them (defaults filled in). */
export type Settings<G extends SettingsGroup> = z.output<(typeof SETTINGS_GROUPS)[G]['read']>;
/** What saving a group takes. */
export type SettingsInput<G extends SettingsGroup> = z.input<(typeof SETTINGS_GROUPS)[G]['save']>;

export type SiteSettings = Settings<'site'>;
export type CommentSettings = Settings<'comments'>;
