import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishLive, setLiveSnapshotLoader } from './hub.mjs';
import { closeLiveStreams, liveReaderCount, serveLiveStream } from './stream.mjs';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!serveLiveStream(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setLiveSnapshotLoader('site', async () => ({ alert: { id: 'a1', text: 'Polls close' } }));
});

afterAll(async () => {
  closeLiveStreams();
  await new Promise((resolve) => server.close(resolve));
});

/** Reads server-sent events from `url` until `count` have arrived (or the time runs out). */
async function readEvents(url: string, count: number, headers: Record<string, string> = {}, during?: () => Promise<void>) {
  const ctrl = new AbortController();
  const res = await fetch(url, { headers, signal: ctrl.signal });
  const reader = res.body!.getReader();
  const events: { id?: string; type: string; data: Record<string, unknown> }[] = [];
  let text = '';
  const started = during ? during() : Promise.resolve();
  const timeout = setTimeout(() => ctrl.abort(), 3000);
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      let end;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2);
        const data = field('data');
        if (data) {
          const { type, ...rest } = JSON.parse(data);
          events.push({ id: field('id'), type, data: rest });
        }
      }
    }
  } catch {
    // aborted: return what arrived
  } finally {
    clearTimeout(timeout);
    ctrl.abort();
    await started;
  }
  return { status: res.status, type: res.headers.get('content-type'), events };
}

describe('live event stream', () => {
  it('sends the snapshot, then events of the followed topics only, as they happen', async () => {
    const { status, type, events } = await readEvents(`${base}/live/events?topics=site,article:one`, 3, {}, async () => {
      await new Promise((r) => setTimeout(r, 100));
      await publishLive('article:other', 'update', { text: 'not followed' });
      await publishLive('article:one', 'update', { text: 'Polls have closed' });
      await publishLive('site', 'alert', { alert: null });
    });
    expect(status).toBe(200);
    expect(type).toContain('text/event-stream');
    expect(events.map((e) => e.type)).toEqual(['snapshot', 'update', 'alert']);
    expect(events[0]!.data).toEqual({ topic: 'site', alert: { id: 'a1', text: 'Polls close' } });
    expect(events[1]!.data).toEqual({ topic: 'article:one', text: 'Polls have closed' });
    expect(Number(events[1]!.id)).toBeLessThan(Number(events[2]!.id));
  });

  it('catches a reconnecting reader up from Last-Event-ID, and a poller from since', async () => {
    const first = await publishLive('article:two', 'update', { n: 1 });
    await publishLive('article:two', 'update', { n: 2 });
    await publishLive('article:two', 'update', { n: 3 });
    const { events } = await readEvents(`${base}/live/events?topics=article:two`, 2, { 'Last-Event-ID': String(first.id) });
    expect(events.map((e) => e.data.n)).toEqual([2, 3]);

    const polled = await (await fetch(`${base}/live/events?topics=article:two,site&poll=1&since=${first.id}`)).json();
    expect(polled.events.map((e: { data: { n: number } }) => e.data.n)).toEqual([2, 3]);
    expect(polled.reset).toBe(false);
    expect(polled.snapshots.site).toEqual({ alert: { id: 'a1', text: 'Polls close' } });
  });

  it('tells a reader that missed more than the buffer holds to reset', async () => {
    for (let i = 0; i < 2001; i++) await publishLive('article:flood', 'update', { i });
    const polled = await (await fetch(`${base}/live/events?topics=article:flood&poll=1&since=1`)).json();
    expect(polled.reset).toBe(true);
  });

  it('refuses bad topics and ids with a 400, and lets readers go on shutdown', async () => {
    for (const query of ['topics=', 'topics=admin', 'topics=site&since=abc', 'topics=a,b,c,d,e']) {
      const res = await fetch(`${base}/live/events?${query}`);
      expect(res.status, query).toBe(400);
    }
    const ctrl = new AbortController();
    const res = await fetch(`${base}/live/events?topics=site`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(liveReaderCount()).toBeGreaterThan(0);
    closeLiveStreams();
    expect(liveReaderCount()).toBe(0);
    ctrl.abort();
  });
});
