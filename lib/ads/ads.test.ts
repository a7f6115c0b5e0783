import { describe, expect, it } from 'vitest';
import { safeAdUrl, sanitizeAdHtml } from './creative';
import { interleaveAds } from './placement';
import { adSlotStatus, isAdSlotLive } from './window';

describe('isAdSlotLive', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('runs an active slot without dates', () => {
    expect(isAdSlotLive({ active: true, startsAt: null, endsAt: null }, now)).toBe(true);
  });
  it('never runs an inactive slot, whatever its dates', () => {
    expect(isAdSlotLive({ active: false, startsAt: null, endsAt: null }, now)).toBe(false);
    expect(isAdSlotLive({ active: false, startsAt: at('2026-01-01T00:00:00Z'), endsAt: at('2027-01-01T00:00:00Z') }, now)).toBe(false);
  });
  it('waits for the start and includes the start instant', () => {
    expect(isAdSlotLive({ active: true, startsAt: at('2026-11-29T12:00:01Z'), endsAt: null }, now)).toBe(false);
    expect(isAdSlotLive({ active: true, startsAt: now, endsAt: null }, now)).toBe(true);
  });
  it('stops at the end, which is exclusive', () => {
    expect(isAdSlotLive({ active: true, startsAt: null, endsAt: now }, now)).toBe(false);
    expect(isAdSlotLive({ active: true, startsAt: null, endsAt: at('2026-11-29T12:00:01Z') }, now)).toBe(true);
  });
  it('runs inside a window and not outside it', () => {
    const w = { active: true, startsAt: at('2026-11-01T00:00:00Z'), endsAt: at('2026-12-01T00:00:00Z') };
    expect(isAdSlotLive(w, now)).toBe(true);
    expect(isAdSlotLive(w, at('2026-10-31T23:59:59Z'))).toBe(false);
    expect(isAdSlotLive(w, at('2026-12-01T00:00:00Z'))).toBe(false);
  });
});

describe('adSlotStatus', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  const at = (iso: string) => new Date(iso);
  it('names what the dashboard shows: inactive wins, then expired, scheduled, live', () => {
    expect(adSlotStatus({ active: false, startsAt: null, endsAt: at('2026-01-01T00:00:00Z') }, now)).toBe('inactive');
    expect(adSlotStatus({ active: true, startsAt: null, endsAt: now }, now)).toBe('expired');
    expect(adSlotStatus({ active: true, startsAt: at('2026-11-29T12:00:01Z'), endsAt: null }, now)).toBe('scheduled');
    expect(adSlotStatus({ active: true, startsAt: now, endsAt: at('2026-11-30T12:00:00Z') }, now)).toBe('live');
    expect(adSlotStatus({ active: true, startsAt: null, endsAt: null }, now)).toBe('live');
  });
  it('agrees with isAdSlotLive', () => {
    for (const w of [
      { active: true, startsAt: null, endsAt: null },
      { active: false, startsAt: null, endsAt: null },
      { active: true, startsAt: at('2026-12-01T00:00:00Z'), endsAt: null },
      { active: true, startsAt: null, endsAt: at('2026-11-01T00:00:00Z') },
    ])
      expect(adSlotStatus(w, now) === 'live').toBe(isAdSlotLive(w, now));
  });
});

describe('sanitizeAdHtml', () => {
  it('keeps a plain creative and marks its links as sponsored', () => {
    const out = sanitizeAdHtml('<p><strong>Membership</strong> <a href="https://example.com/join" rel="follow">Join</a></p>');
    expect(out).toContain('<strong>Membership</strong>');
    expect(out).toMatch(/<a href="https:\/\/example.com\/join" rel="sponsored noopener" target="_blank">Join<\/a>/);
  });

  const hostile = [
    '<script>alert(1)</script><p>ok</p>',
    '<p onclick="alert(1)" onmouseover="alert(1)">ok</p>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<iframe src="https://evil.example"></iframe>',
    '<svg><script>alert(1)</script></svg>',
    '<style>body{display:none}</style><p style="position:fixed">ok</p>',
    '<form action="https://evil.example"><input name="card"></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<scr<script>ipt>alert(1)</script>',
    '<a href="//evil.example">x</a>',
  ];
  it.each(hostile)('neutralises %s', (input) => {
    const out = sanitizeAdHtml(input).toLowerCase();
    expect(out).not.toMatch(/<script|<iframe|<svg|<style|<form|<input|<object|<embed|<meta|<base/);
    expect(out).not.toMatch(/\son\w+\s*=/);
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('data:');
    expect(out).not.toContain('style=');
    expect(out).not.toContain('//evil.example');
  });
});

describe('safeAdUrl', () => {
  it('accepts http(s) and site paths', () => {
    expect(safeAdUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(safeAdUrl('/membership')).toBe('/membership');
  });
  it('rejects other schemes and protocol-relative URLs', () => {
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'data:image/png;base64,AA', '//evil.example/x', 'vbscript:x', 'not a url', '', null]) {
      expect(safeAdUrl(url)).toBeNull();
    }
  });
});

describe('interleaveAds', () => {
  const blocks = ['<p>1</p>', '<p>2</p>', '<p>3</p>'];
  const slot = (id: string, paragraph: number | null) => ({ id, paragraph });

  it('puts a slot after the Nth block', () => {
    expect(interleaveAds(blocks, [slot('a', 2)])).toEqual([
      { kind: 'html', html: '<p>1</p>\n<p>2</p>' },
      { kind: 'ad', slot: slot('a', 2) },
      { kind: 'html', html: '<p>3</p>' },
    ]);
  });
  it('keeps the body whole without slots', () => {
    expect(interleaveAds(blocks, [])).toEqual([{ kind: 'html', html: '<p>1</p>\n<p>2</p>\n<p>3</p>' }]);
  });
  it('clamps a paragraph past the end to the last block and a missing one to the first', () => {
    const out = interleaveAds(blocks, [slot('late', 9), slot('none', null)]);
    expect(out.map((s) => (s.kind === 'ad' ? s.slot.id : s.html))).toEqual(['<p>1</p>', 'none', '<p>2</p>\n<p>3</p>', 'late']);
  });
  it('still shows a slot on an empty body', () => {
    expect(interleaveAds([], [slot('a', 2)])).toEqual([{ kind: 'ad', slot: slot('a', 2) }]);
  });
});
