import { describe, expect, it } from 'vitest';
import { commentSettingsFormSchema } from './comment-settings';

describe('commentSettingsFormSchema', () => {
  it('reads the form: word lists one per line, checkbox on/off, numbers', () => {
    expect(
      commentSettingsFormSchema.parse({
        maxLinks: '3',
        moderationWords: ' Refund \n\nlawsuit, REFUND',
        blockWords: '',
        autoApproveKnown: 'on',
        threadDepth: '2',
        closeAfterDays: '0',
        minSeconds: '5',
      }),
    ).toEqual({ maxLinks: 3, moderationWords: ['refund', 'lawsuit'], blockWords: [], autoApproveKnown: true, threadDepth: 2, closeAfterDays: 0, minSeconds: 5 });
    expect(commentSettingsFormSchema.parse({ maxLinks: '0', threadDepth: '1', closeAfterDays: '7', minSeconds: '0' }).autoApproveKnown).toBe(false);
  });
  it('explains out-of-range numbers', () => {
    const r = commentSettingsFormSchema.safeParse({ maxLinks: '-1', threadDepth: '11', closeAfterDays: 'x', minSeconds: '3601' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['maxLinks', 'Enter a whole number from 0 to 100.'],
      ['threadDepth', 'Enter a whole number from 1 to 10.'],
      ['closeAfterDays', 'Enter a number of days from 0 (never) to 3650.'],
      ['minSeconds', 'Enter a number of seconds from 0 (off) to 3600.'],
    ]);
  });
});
