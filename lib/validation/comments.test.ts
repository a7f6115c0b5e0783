import { describe, expect, it } from 'vitest';
import { COMMENT_MESSAGES, commentFormSchema, moderationActionSchema } from './comments';

const valid = { articleId: 'art_1', body: 'A fair point, well made.', name: 'Marguerite Hollis', email: 'marguerite@example.com' };

/** The messages a reader would see beside each field. */
function messages(input: Record<string, unknown>): Record<string, string[]> {
  const r = commentFormSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[String(i.path[0])] ??= []).push(i.message);
  return out;
}

describe('commentFormSchema', () => {
  it('accepts a complete comment, trimming the fields and lower-casing the email', () => {
    expect(commentFormSchema.parse({ ...valid, body: '  Hello  ', name: ' Ann ', email: ' Ann@Example.COM ' })).toEqual({
      articleId: 'art_1',
      body: 'Hello',
      name: 'Ann',
      email: 'ann@example.com',
      parentId: undefined,
      website: undefined,
    });
  });

  it('shows the exact reader messages when every field is empty', () => {
    expect(messages({ articleId: 'art_1', body: '', name: '', email: '' })).toEqual({
      body: ['Please enter your comment!'],
      name: ['Please enter your name here'],
      email: ['You have entered an incorrect email address!'],
    });
  });

  it('treats whitespace-only fields as empty', () => {
    expect(messages({ ...valid, body: '   \n ', name: '\t' })).toEqual({ body: [COMMENT_MESSAGES.body], name: [COMMENT_MESSAGES.name] });
  });

  it.each(['not-an-email', 'a@', '@example.com', 'a b@example.com', `${'x'.repeat(250)}@example.com`])('rejects the email %j', (email) => {
    expect(messages({ ...valid, email })).toEqual({ email: ['You have entered an incorrect email address!'] });
  });

  it('treats a missing or empty website as none', () => {
    expect(commentFormSchema.parse({ ...valid, website: '' }).website).toBeUndefined();
    expect(commentFormSchema.parse({ ...valid, website: '   ' }).website).toBeUndefined();
    expect(commentFormSchema.parse(valid).website).toBeUndefined();
  });

  it.each(['https://example.com', 'http://example.com/blog?x=1'])('accepts the website %s', (website) => {
    expect(commentFormSchema.parse({ ...valid, website }).website).toBe(website);
  });

  it.each(['example.com', 'ftp://example.com', 'javascript:alert(1)', 'mailto:a@example.com', 'https://'])('rejects the website %j', (website) => {
    expect(messages({ ...valid, website })).toEqual({ website: [COMMENT_MESSAGES.website] });
  });

  it('limits the length of the comment', () => {
    expect(messages({ ...valid, body: 'x'.repeat(5001) }).body).toEqual(['Please keep your comment under 5,000 characters.']);
    expect(commentFormSchema.safeParse({ ...valid, body: 'x'.repeat(5000) }).success).toBe(true);
  });

  it('treats an empty parentId as a top-level comment', () => {
    expect(commentFormSchema.parse({ ...valid, parentId: '' }).parentId).toBeUndefined();
    expect(commentFormSchema.parse({ ...valid, parentId: 'c_1' }).parentId).toBe('c_1');
  });
});

describe('moderationActionSchema', () => {
  it('allows only approve, unapprove, spam, trash and delete', () => {
    expect(moderationActionSchema.options).toEqual(['approve', 'unapprove', 'spam', 'trash', 'delete']);
    expect(moderationActionSchema.safeParse('destroy').success).toBe(false);
  });
});
