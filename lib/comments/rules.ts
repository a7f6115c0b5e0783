import 'server-only';

/**
 * The hold and spam rules for a new reader comment, as pure functions: the caller gathers
 * the facts (settings, elapsed time, whether the commenter is known) and stores the verdict.
 * Order matters: anything that proves a bot (honeypot, too fast, bad token) or matches the
 * block list is spam; otherwise too many links or a moderation word holds the comment;
 * otherwise a known commenter may be approved at once; everything else waits (the default).
 */

export type SpamRuleSettings = {
  /** Hold when a comment has more than this many links. */
  maxLinks: number;
  /** Words or phrases that hold a comment for moderation (case-insensitive substrings). */
  moderationWords: string[];
  /** Words or phrases that send a comment straight to spam. */
  blockWords: string[];
  /** Approve at once when the email already has an approved comment (WordPress's rule). */
  autoApproveKnown: boolean;
};

export type CommentFacts = {
  body: string;
  name: string;
  email: string;
  website?: string | null;
  /** Anything typed into the hidden honeypot field. */
  honeypot?: string | null;
  /** Seconds between the form being served and submitted; null when the form token is missing or forged. */
  elapsedSeconds: number | null;
  /** The too-fast threshold in seconds (0 turns the rule off). */
  minSeconds: number;
  /** The email already has an approved comment. */
  knownCommenter: boolean;
};

export type Verdict = { status: 'PENDING' | 'APPROVED' | 'SPAM'; reasons: string[] };

// Schemes and bare "www." hosts, as a reader or a spammer would type them.
const LINK = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"']+|<a\s/gi;

/** How many links a text contains (http(s)/ftp URLs, bare www. hosts and raw anchor tags). */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** The entries of a word list: one per line (or comma), trimmed, empties dropped, lower-cased, unique. */
export function parseWordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** The first list entry found (case-insensitive) in any of the texts, or null. */
export function findListedWord(texts: (string | null | undefined)[], words: string[]): string | null {
  const haystack = texts.filter(Boolean).join('\n').toLowerCase();
  for (const w of words) {
    const word = w.trim().toLowerCase();
    if (word && haystack.includes(word)) return word;
  }
  return null;
}

/** Whitespace-collapsed, case-folded text, so "Nice  post" and "nice post " count as the same comment. */
export function normaliseForDuplicate(body: string): string {
  return body.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when `body` says the same as one of the commenter's earlier comments on the article. */
export function isDuplicateComment(body: string, earlier: string[]): boolean {
  const b = normaliseForDuplicate(body);
  return earlier.some((e) => normaliseForDuplicate(e) === b);
}

/** Decides what happens to a new comment; `reasons` is kept for moderators, never shown to the commenter. */
export function evaluateComment(facts: CommentFacts, settings: SpamRuleSettings): Verdict {
  const spam: string[] = [];
  if (facts.honeypot && facts.honeypot.trim() !== '') spam.push('honeypot');
  if (facts.elapsedSeconds === null) spam.push('form-token');
  else if (facts.minSeconds > 0 && facts.elapsedSeconds < facts.minSeconds) spam.push('too-fast');
  const fields = [facts.body, facts.name, facts.email, facts.website];
  const blocked = findListedWord(fields, settings.blockWords);
  if (blocked) spam.push(`block-list:${blocked}`);
  if (spam.length) return { status: 'SPAM', reasons: spam };

  const hold: string[] = [];
  const links = countLinks(facts.body) + countLinks(facts.name);
  if (links > settings.maxLinks) hold.push(`links:${links}`);
  const held = findListedWord(fields, settings.moderationWords);
  if (held) hold.push(`moderation-list:${held}`);
  if (hold.length) return { status: 'PENDING', reasons: hold };

  if (settings.autoApproveKnown && facts.knownCommenter) return { status: 'APPROVED', reasons: ['known-commenter'] };
  return { status: 'PENDING', reasons: [] };
}
