// Hostile comment bodies for the XSS / HTML-injection suites (lib/comments/linkify.test.ts and
// e2e/comments-hostile.spec.ts). Each payload would set window.__xss or open a dialog if any
// part of it ever ran; the suites assert that neither happens and no element is injected.
// Generated: vector templates × script snippets × spellings (as typed, upper-case, wrapped in prose).

const SNIPPETS = ['window.__xss=1', 'alert(1)'] as const;

const TEMPLATES: ((js: string) => string)[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<img src=x onerror="${js}">`,
  (js) => `<svg onload=${js}>`,
  (js) => `<svg><script>${js}</script></svg>`,
  (js) => `<iframe src="javascript:${js}"></iframe>`,
  (js) => `<a href="javascript:${js}">click me</a>`,
  (js) => `javascript:${js}`,
  (js) => `<body onload=${js}>`,
  (js) => `<details open ontoggle=${js}>`,
  (js) => `<input autofocus onfocus=${js}>`,
  (js) => `<video><source onerror="${js}"></video>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js) => `"><script>${js}</script>`,
  (js) => `'><img src=x onerror=${js}>`,
  (js) => `</textarea><script>${js}</script>`,
  (js) => `</p><script>${js}</script><p>`,
  (js) => `<object data="javascript:${js}"></object>`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<form action="javascript:${js}"><button>send</button></form>`,
  (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  (js) => `<style>@import 'javascript:${js}';</style>`,
  (js) => `<div style="background:url(javascript:${js})">x</div>`,
  (js) => `<marquee onstart=${js}>news</marquee>`,
  (js) => `<base href="javascript:${js}//">`,
  (js) => `<link rel=import href="data:text/html,<script>${js}</script>">`,
  () => `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  (js) => `https://example.com/"onmouseover="${js}`,
  (js) => `https://example.com/<script>${js}</script>`,
  (js) => `http://example.com/'><img src=x onerror=${js}>`,
  (js) => `www.example.com/"><svg onload=${js}>`,
  (js) => `https://example.com/search?q="><img src=x onerror=${js}>&x=1`,
  (js) => `javascript://%0a${js}`,
  (js) => `&lt;script&gt;${js}&lt;/script&gt;`,
  (js) => `&#60;script&#62;${js}&#60;/script&#62;`,
  (js) => `<scr<script>ipt>${js}</scr</script>ipt>`,
  () => `<SCRIPT SRC=//xss.invalid/x.js></SCRIPT>`,
  (js) => `<img """><script>${js}</script>">`,
  (js) => `<!--<img src="--><img src=x onerror=${js}//">`,
  (js) => `<![CDATA[<script>${js}</script>]]>`,
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
  (js) => `<template><script>${js}</script></template>`,
  (js) => `<select><style></select><img src=x onerror=${js}></style>`,
  (js) => `<xmp><img src=x onerror=${js}></xmp>`,
  (js) => `\\u003cscript\\u003e${js}\\u003c/script\\u003e`,
  (js) => `<a href="https://ok.example" onclick="${js}">ok</a>`,
  () => `<img src=x:alert(1) onerror=eval(src)>`,
  (js) => `<x onmouseover=${js}>hover me`,
  (js) => `<audio src onerror=${js}>`,
  (js) => `<svg><animate onbegin=${js} attributeName=x dur=1s>`,
  (js) => `<iframe srcdoc="<script>parent.${js}</script>"></iframe>`,
  (js) => `<a href="jav&#x09;ascript:${js}">tab</a>`,
  (js) => `[click](javascript:${js})`,
  (js) => `![x](x" onerror="${js})`,
  (js) => `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">XSS</text></a></svg>`,
  (js) => `<img src="x` + '`' + `\` onerror=${js}>`,
  (js) => `https://example.com/#<img src=x onerror=${js}>`,
  (js) => `<table background="javascript:${js}">`,
  (js) => `<button formaction="javascript:${js}">go</button>`,
  (js) => `<keygen autofocus onfocus=${js}>`,
  (js) => `<frameset onload=${js}>`,
  (js) => `"; ${js}; //`,
  (js) => `</script><script>${js}</script>`,
  (js) => `<img src=x onerror=&#x61;&#x6c;&#x65;&#x72;&#x74;(1) data-js="${js}">`,
];

const spellings: ((p: string) => string)[] = [(p) => p, (p) => p.toUpperCase(), (p) => `Interesting piece. ${p} Thanks!`];

function generate(): string[] {
  const out = new Set<string>();
  for (const t of TEMPLATES) for (const js of SNIPPETS) for (const spell of spellings) out.add(spell(t(js)));
  // Payloads split over lines, and NUL / zero-width characters inside tags.
  out.add('<scr\nipt>window.__xss=1</scr\nipt>');
  out.add('<img\u0000 src=x onerror=window.__xss=1>');
  out.add('<im\u200bg src=x onerror=window.__xss=1>');
  out.add('\u202e<script>window.__xss=1</script>');
  return [...out];
}

export const XSS_PAYLOADS: readonly string[] = generate();
