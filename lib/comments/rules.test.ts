import { describe, expect, it } from 'vitest';
import { countLinks, evaluateComment, findListedWord, isDuplicateComment, normaliseForDuplicate, parseWordList, type CommentFacts, type SpamRuleSettings } from './rules';

const settings: SpamRuleSettings = { maxLinks: 2, moderationWords: [], blockWords: [], autoApproveKnown: false };
const facts = (over: Partial<CommentFacts> = {}): CommentFacts => ({
  body: 'A fair point about the council budget.',
  name: 'Ann Reader',
  email: 'ann@example.com',
  website: null,
  honeypot: '',
  elapsedSeconds: 30,
  minSeconds: 3,
  knownCommenter: false,
  ...over,
});

describe('countLinks', () => {
  it.each([
    ['no links here', 0],
    ['see https://example.com and http://example.org/x?y=1', 2],
    ['www.example.com is bare', 1],
    ['<a href="x">raw</a> anchor', 1],
    ['ftp://files.example.com', 1],
    ['example.com alone is not a link', 0],
    ['HTTPS://EXAMPLE.COM shouting', 1],
  ])('%j has %i', (text, n) => expect(countLinks(text)).toBe(n));
});

describe('word lists', () => {
  it('parses one entry per line or comma, trimmed, lower-cased and unique', () => {
    expect(parseWordList(' Viagra \n\ncasino, CASINO ,\n  cheap watches ')).toEqual(['viagra', 'casino', 'cheap watches']);
  });
  it('finds an entry in any field, case-insensitively', () => {
    expect(findListedWord(['Hello', null, 'BUY CHEAP Watches now'], ['cheap watches'])).toBe('cheap watches');
    expect(findListedWord(['Hello'], ['casino'])).toBeNull();
    expect(findListedWord(['anything'], [])).toBeNull();
  });
});

describe('duplicate check', () => {
  it('treats whitespace and case differences as the same comment', () => {
    expect(normaliseForDuplicate('  Nice   post\n')).toBe('nice post');
    expect(isDuplicateComment('Nice  Post', ['Something else', 'nice post'])).toBe(true);
    expect(isDuplicateComment('Nice post!', ['nice post'])).toBe(false);
    expect(isDuplicateComment('First', [])).toBe(false);
  });
});

describe('evaluateComment', () => {
  it('holds an ordinary comment for moderation by default', () => {
    expect(evaluateComment(facts(), settings)).toEqual({ status: 'PENDING', reasons: [] });
  });

  it('holds a comment with more than maxLinks links, not one with exactly maxLinks', () => {
    const two = 'https://a.example and https://b.example';
    expect(evaluateComment(facts({ body: two }), settings).status).toBe('PENDING');
    expect(evaluateComment(facts({ body: two }), { ...settings, autoApproveKnown: true }).status).toBe('PENDING');
    expect(evaluateComment(facts({ body: two, knownCommenter: true }), { ...settings, autoApproveKnown: true }).status).toBe('APPROVED');
    const three = `${two} and www.c.example`;
    expect(evaluateComment(facts({ body: three, knownCommenter: true }), { ...settings, autoApproveKnown: true })).toEqual({ status: 'PENDING', reasons: ['links:3'] });
    expect(evaluateComment(facts({ body: 'https://a.example' }), { ...settings, maxLinks: 0 }).reasons).toEqual(['links:1']);
  });

  it('holds a comment matching the moderation word list (body, name, email or website)', () => {
    const s = { ...settings, moderationWords: ['refund'], autoApproveKnown: true };
    expect(evaluateComment(facts({ body: 'I want a REFUND', knownCommenter: true }), s)).toEqual({ status: 'PENDING', reasons: ['moderation-list:refund'] });
    expect(evaluateComment(facts({ name: 'Refund Desk', knownCommenter: true }), s).status).toBe('PENDING');
    expect(evaluateComment(facts({ website: 'https://refund.example', knownCommenter: true }), s).status).toBe('PENDING');
  });

  it('sends a comment matching the block list to spam', () => {
    const s = { ...settings, blockWords: ['casino'] };
    expect(evaluateComment(facts({ body: 'Best Casino bonus' }), s)).toEqual({ status: 'SPAM', reasons: ['block-list:casino'] });
    expect(evaluateComment(facts({ email: 'casino@example.com' }), s).status).toBe('SPAM');
  });

  it('sends a comment that filled the honeypot to spam', () => {
    expect(evaluateComment(facts({ honeypot: '555-1234' }), settings)).toEqual({ status: 'SPAM', reasons: ['honeypot'] });
    expect(evaluateComment(facts({ honeypot: '   ' }), settings).status).toBe('PENDING');
    expect(evaluateComment(facts({ honeypot: undefined }), settings).status).toBe('PENDING');
  });

  it('sends a comment posted faster than minSeconds to spam, and one at or after it through', () => {
    expect(evaluateComment(facts({ elapsedSeconds: 1.2, minSeconds: 3 }), settings)).toEqual({ status: 'SPAM', reasons: ['too-fast'] });
    expect(evaluateComment(facts({ elapsedSeconds: 3, minSeconds: 3 }), settings).status).toBe('PENDING');
    expect(evaluateComment(facts({ elapsedSeconds: 0, minSeconds: 0 }), settings).status).toBe('PENDING');
  });

  it('sends a comment without a valid form token to spam, whatever the threshold', () => {
    expect(evaluateComment(facts({ elapsedSeconds: null }), settings)).toEqual({ status: 'SPAM', reasons: ['form-token'] });
    expect(evaluateComment(facts({ elapsedSeconds: null, minSeconds: 0 }), settings).status).toBe('SPAM');
  });

  it('reports every spam reason at once, and spam wins over holds', () => {
    const s = { ...settings, blockWords: ['casino'], moderationWords: ['bonus'] };
    expect(evaluateComment(facts({ body: 'casino bonus', honeypot: 'x', elapsedSeconds: 0 }), s)).toEqual({
      status: 'SPAM',
      reasons: ['honeypot', 'too-fast', 'block-list:casino'],
    });
  });

  it('auto-approves a known commenter only when the setting is on', () => {
    expect(evaluateComment(facts({ knownCommenter: true }), settings).status).toBe('PENDING');
    expect(evaluateComment(facts({ knownCommenter: true }), { ...settings, autoApproveKnown: true })).toEqual({ status: 'APPROVED', reasons: ['known-commenter'] });
    expect(evaluateComment(facts({ knownCommenter: false }), { ...settings, autoApproveKnown: true }).status).toBe('PENDING');
  });

  it('never auto-approves spam from a known commenter', () => {
    expect(evaluateComment(facts({ knownCommenter: true, honeypot: 'bot' }), { ...settings, autoApproveKnown: true }).status).toBe('SPAM');
  });
});
