// A story's live updates, kept current over the live stream: new, edited and deleted updates
// appear without a reload; a reader who has scrolled past the top is offered "N new updates"
// instead of having the page move under them. The server renders the list and a <template> of
// one update (components/live/live-updates.tsx); this keeps the list in step.
import { catchUpFrom, followLive } from '../live/live-stream';
import { fromTemplate, islands, slot } from './dom';

type Update = { id: string; headline: string | null; html: string; keyEvent: boolean; pinned: boolean; createdAt: string; author: string | null };
type Coverage = { startedAt: string | null; endedAt: string | null; open: boolean };

function start(section: HTMLElement) {
  const { articleId = '', readAt = '0', timeZone } = section.dataset;
  const list = slot<HTMLOListElement>(section, 'updates')!;
  const keyNav = slot(section, 'key-events')!;
  const keyList = slot(section, 'key-list')!;
  const more = slot<HTMLButtonElement>(section, 'more')!;
  const missed = slot<HTMLButtonElement>(section, 'missed')!;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  let held: Update[] = [];

  const items = () => [...list.children] as HTMLLIElement[];
  const itemOf = (id: string) => items().find((li) => li.dataset.id === id);

  /** Pinned first, then newest first: the server's order. */
  const before = (a: { pinned: boolean; createdAt: string }, li: HTMLLIElement) =>
    Number(li.dataset.pinned === 'true') - Number(a.pinned) < 0 || (a.pinned === (li.dataset.pinned === 'true') && a.createdAt.localeCompare(li.dataset.createdAt ?? '') > 0);

  function itemFor(u: Update): HTMLLIElement | null {
    const li = fromTemplate<HTMLLIElement>(section, 'template[data-template="update"]');
    if (!li) return null;
    li.id = `update-${u.id}`;
    Object.assign(li.dataset, { id: u.id, createdAt: u.createdAt, pinned: String(u.pinned), keyEvent: String(u.keyEvent), headline: u.headline ?? '' });
    const t = slot(li, 'time')!;
    t.setAttribute('datetime', u.createdAt);
    t.textContent = time.format(new Date(u.createdAt));
    const author = slot(li, 'author')!;
    if (u.author) author.textContent = u.author;
    else author.remove();
    if (!u.pinned) slot(li, 'pinned')?.remove();
    if (!u.keyEvent) slot(li, 'key')?.remove();
    const headline = slot(li, 'headline')!;
    const article = li.querySelector('article')!;
    if (u.headline) {
      headline.id = `update-${u.id}-headline`;
      headline.textContent = u.headline;
      article.setAttribute('aria-labelledby', headline.id);
    } else headline.remove();
    // Rendered and sanitised on the server when the update was saved.
    slot(li, 'html')!.innerHTML = u.html;
    return li;
  }

  function place(u: Update) {
    const li = itemFor(u);
    if (!li) return;
    itemOf(u.id)?.remove();
    list.insertBefore(li, items().find((other) => before(u, other)) ?? null);
  }

  function renderKeyEvents() {
    const keys = items().filter((li) => li.dataset.keyEvent === 'true');
    keyList.replaceChildren(
      ...keys.map((li) => {
        const item = document.createElement('li');
        const a = document.createElement('a');
        a.href = `#${li.id}`;
        a.className = 'underline';
        a.textContent = li.dataset.headline || li.querySelector('time')?.textContent || '';
        item.append(a);
        return item;
      }),
    );
    keyNav.hidden = !keys.length;
  }

  function renderHeld() {
    more.hidden = !held.length || !missed.hidden;
    more.textContent = held.length === 1 ? '1 new update' : `${held.length} new updates`;
  }

  more.addEventListener('click', () => {
    for (const u of held) place(u);
    held = [];
    renderHeld();
    renderKeyEvents();
    section.scrollIntoView({ behavior: 'smooth' });
  });
  missed.addEventListener('click', () => window.location.reload());

  catchUpFrom(Number(readAt) * 1000);
  followLive(`article:${articleId}`, (m) => {
    if (m.type === 'coverage') {
      const c = m.coverage as Coverage;
      const badge = slot(section, 'live-badge');
      if (!c.open) badge?.remove();
      else if (!badge) {
        const fresh = fromTemplate(section, 'template[data-template="live-badge"]');
        if (fresh) section.querySelector('h2')!.append(fresh);
      }
      slot(section, 'ended')!.hidden = !(c.endedAt && !c.open);
    } else if (m.type === 'reset') {
      missed.hidden = false;
      renderHeld();
    } else if (m.type === 'update-deleted') {
      itemOf(String(m.id))?.remove();
      held = held.filter((u) => u.id !== m.id);
      renderHeld();
    } else if (m.type === 'update-edited') {
      const u = m.update as Update;
      if (itemOf(u.id)) place(u);
      held = held.map((x) => (x.id === u.id ? u : x));
    } else if (m.type === 'update') {
      const u = m.update as Update;
      if (section.getBoundingClientRect().top < 0) {
        held = [...held.filter((x) => x.id !== u.id), u];
        renderHeld();
      } else place(u);
    }
    renderKeyEvents();
  });
}

export function startLiveUpdates() {
  for (const section of islands('live-updates')) start(section);
}
