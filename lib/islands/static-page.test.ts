import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isPublicPageRequest, publicPageHtml, setIslandScript, withoutReact } from './static-page.mjs';

// The shape of a page as Next.js 16 renders it (trimmed): chunk preloads and scripts, the RSC
// flight data, the layout's theme script, JSON-LD and a Suspense reveal call.
const NEXT_PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/turbopack-1.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/2.js"/>',
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" type="font/woff2" crossorigin=""/>',
  '<script src="/_next/static/chunks/3.js" async=""></script>',
  '<script>try{var t=localStorage.getItem("broadsheet:theme")}catch(e){}</script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><main id="main"><h1>Story</h1>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script>$RC("B:0","S:0")</script>',
  '</main><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"0:{}"])</script></body></html>',
].join('');

describe('a public page without React', () => {
  afterEach(() => setIslandScript(null));

  it("drops Next's scripts, their preloads and the flight data, and loads the islands' script instead", () => {
    const html = withoutReact(NEXT_PAGE, '/_islands/islands.abc.js');
    expect(html).not.toMatch(/<script[^>]*src="\/_next\//);
    expect(html).not.toMatch(/as="script"|modulepreload/);
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain('TURBOPACK');
    expect(html).toContain('<script src="/_islands/islands.abc.js" defer></script></head>');
  });

  it('keeps the page itself: styles, the font preload, the theme script, JSON-LD and Suspense reveals', () => {
    const html = withoutReact(NEXT_PAGE, '/_islands/islands.abc.js');
    for (const kept of [
      '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
      'as="font"',
      'localStorage.getItem("broadsheet:theme")',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<script>$RC("B:0","S:0")</script>',
      '<main id="main"><h1>Story</h1>',
    ])
      expect(html).toContain(kept);
  });

  it("leaves Next's error shell, which only its scripts can render, as it is", () => {
    const shell = '<!DOCTYPE html><html id="__next_error__"><head></head><body><script src="/_next/static/chunks/1.js" async=""></script></body></html>';
    expect(withoutReact(shell, '/_islands/islands.abc.js')).toBe(shell);
  });

  it('leaves pages as Next made them until the islands script is ready', () => {
    expect(publicPageHtml(NEXT_PAGE)).toBe(NEXT_PAGE);
    setIslandScript('/_islands/islands.abc.js');
    expect(publicPageHtml(NEXT_PAGE)).not.toContain('__next_f');
  });

  it('applies to readers\u2019 pages only: staff screens, previews, router requests and draft mode keep React', () => {
    setIslandScript('/_islands/islands.abc.js');
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => ({ url, method, headers }) as unknown as IncomingMessage;
    expect(isPublicPageRequest(req('/articles/a-story'))).toBe(true);
    expect(isPublicPageRequest(req('/search?q=harbour'))).toBe(true);
    expect(isPublicPageRequest(req('/'))).toBe(true);
    for (const path of ['/admin', '/admin/articles', '/login', '/preview/tok', '/api/comments', '/_next/static/x.js']) expect(isPublicPageRequest(req(path)), path).toBe(false);
    expect(isPublicPageRequest(req('/articles/a-story', { rsc: '1' }))).toBe(false);
    expect(isPublicPageRequest(req('/articles/a-story', { 'next-action': 'abc' }))).toBe(false);
    expect(isPublicPageRequest(req('/articles/a-story', { cookie: '__prerender_bypass=1' }))).toBe(false);
    expect(isPublicPageRequest(req('/articles/a-story', {}, 'POST'))).toBe(false);
  });
});
