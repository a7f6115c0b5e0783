import createClient from 'openapi-fetch';
import { apiError } from './errors';
import type { components, paths } from './schema';

export { BroadsheetApiError, StaleVersionError, type ErrorCode } from './errors';
export type { components, paths } from './schema';

type Schemas = components['schemas'];
export type AdminArticle = Schemas['AdminArticle'];
export type ArticleCreate = Schemas['AdminArticleCreate'];
export type ArticleUpdate = Schemas['AdminArticleUpdate'];
export type Transition = 'submit' | 'publish' | 'unpublish' | 'archive';
export type AdminPage = Schemas['AdminPage'];
export type PageCreate = Schemas['AdminPageCreate'];
export type PageUpdate = Schemas['AdminPageUpdate'];
export type AdminMenu = Schemas['AdminMenuResponse']['data'];
export type MenuLocation = 'header' | 'footer';

export type BroadsheetClientOptions = {
  /** The site, e.g. https://news.example.com */
  baseUrl: string;
  /** A key from the dashboard (API keys): a content key reads, an admin key also writes. */
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Retries of a request that failed on the network or with a 5xx (POSTs reuse their Idempotency-Key). Default 2. */
  retries?: number;
};

/** Options of a change to an article: the version it starts from (default: the last one this client saw). */
type VersionOption = { version?: number };

type Result<T> = { data?: T; error?: unknown; response: Response };

const newKey = () => globalThis.crypto.randomUUID();

/**
 * A typed client of the content API (`content`) and the admin API (`articles`, `sections`, …).
 * It remembers each article's version from the ETag it last saw and sends it as If-Match, gives
 * every POST an Idempotency-Key (reused by its retries), and throws BroadsheetApiError (or
 * StaleVersionError on 412) instead of returning errors.
 */
export function createBroadsheetClient(options: BroadsheetClientOptions) {
  const api = createClient<paths>({ baseUrl: `${options.baseUrl.replace(/\/$/, '')}/api/v1`, headers: { Authorization: `Bearer ${options.apiKey}` }, fetch: options.fetch });
  const versions = new Map<string, number>();
  const retries = options.retries ?? 2;

  async function call<T>(send: () => Promise<Result<T>>, maxRetries = retries): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let result: Result<T> | undefined;
      try {
        result = await send();
      } catch (e) {
        if (attempt >= maxRetries) throw e;
      }
      if (result && !(result.response.status >= 500 && attempt < maxRetries)) {
        if (result.error !== undefined || !result.response.ok) throw apiError(result.response.status, result.error, `HTTP ${result.response.status}`);
        return result.data as T;
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }

  /** Unwraps `{ data }` and remembers the article's (or page's) version. */
  const article = async <T extends { id: string; version: number }>(send: () => Promise<Result<{ data: T }>>) => {
    const { data } = await call(send);
    versions.set(data.id, data.version);
    return data;
  };
  const ifMatch = (id: string, opts: VersionOption = {}) => {
    const version = opts.version ?? versions.get(id);
    if (version === undefined) throw new Error(`No known version for ${id}: get() it first or pass { version }.`);
    return { 'If-Match': `"${version}"` };
  };
  const step = (id: string, transition: Transition | 'schedule', opts: VersionOption, body?: { at: string }) =>
    article(() => api.POST('/admin/articles/{id}/{transition}', { params: { path: { id, transition }, header: ifMatch(id, opts) }, body }));
  const pageStep = (id: string, transition: 'publish' | 'unpublish' | 'schedule', opts: VersionOption, body?: { at: string }) =>
    article(() => api.POST('/admin/pages/{id}/{transition}', { params: { path: { id, transition }, header: ifMatch(id, opts) }, body }));
  /** Unwraps `{ data }` of a list and remembers each item's version. */
  const listed = async <T extends { id: string; version: number }>(send: () => Promise<Result<{ data: T[] }>>) => {
    const { data } = await call(send);
    for (const item of data) versions.set(item.id, item.version);
    return data;
  };
  /** A menu's version is remembered under `menu:<location>`. */
  const menu = async (location: MenuLocation, send: () => Promise<Result<{ data: AdminMenu }>>) => {
    const { data } = await call(send);
    versions.set(`menu:${location}`, data.version);
    return data;
  };

  return {
    /** The underlying openapi-fetch client, for anything not wrapped here. */
    raw: api,
    content: {
      listArticles: (query: paths['/articles']['get']['parameters']['query'] = {}) => call(() => api.GET('/articles', { params: { query } })),
      getArticle: (idOrSlug: string, query: paths['/articles/{idOrSlug}']['get']['parameters']['query'] = {}) => call(() => api.GET('/articles/{idOrSlug}', { params: { path: { idOrSlug }, query } })),
    },
    articles: {
      create: (input: ArticleCreate, opts: { idempotencyKey?: string } = {}) => {
        const key = opts.idempotencyKey ?? newKey();
        return article(() => api.POST('/admin/articles', { body: input, params: { header: { 'Idempotency-Key': key } } }));
      },
      get: (id: string) => article(() => api.GET('/admin/articles/{id}', { params: { path: { id } } })),
      update: (id: string, patch: ArticleUpdate, opts: VersionOption = {}) => article(() => api.PATCH('/admin/articles/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: patch })),
      submit: (id: string, opts: VersionOption = {}) => step(id, 'submit', opts),
      publish: (id: string, opts: VersionOption = {}) => step(id, 'publish', opts),
      unpublish: (id: string, opts: VersionOption = {}) => step(id, 'unpublish', opts),
      archive: (id: string, opts: VersionOption = {}) => step(id, 'archive', opts),
      schedule: (id: string, at: Date | string, opts: VersionOption = {}) => step(id, 'schedule', opts, { at: typeof at === 'string' ? at : at.toISOString() }),
      delete: (id: string, opts: VersionOption = {}) => call(() => api.DELETE('/admin/articles/{id}', { params: { path: { id }, header: ifMatch(id, opts) } })).then((r) => r.data),
    },
    pages: {
      list: () => call(() => api.GET('/admin/pages')).then((r) => r.data),
      create: (input: PageCreate, opts: { idempotencyKey?: string } = {}) => {
        const key = opts.idempotencyKey ?? newKey();
        return article(() => api.POST('/admin/pages', { body: input, params: { header: { 'Idempotency-Key': key } } }));
      },
      get: (id: string) => article(() => api.GET('/admin/pages/{id}', { params: { path: { id } } })),
      update: (id: string, patch: PageUpdate, opts: VersionOption = {}) => article(() => api.PATCH('/admin/pages/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: patch })),
      publish: (id: string, opts: VersionOption = {}) => pageStep(id, 'publish', opts),
      unpublish: (id: string, opts: VersionOption = {}) => pageStep(id, 'unpublish', opts),
      schedule: (id: string, at: Date | string, opts: VersionOption = {}) => pageStep(id, 'schedule', opts, { at: typeof at === 'string' ? at : at.toISOString() }),
      delete: (id: string, opts: VersionOption = {}) => call(() => api.DELETE('/admin/pages/{id}', { params: { path: { id }, header: ifMatch(id, opts) } })).then((r) => r.data),
    },
    menus: {
      get: (location: MenuLocation) => menu(location, () => api.GET('/admin/menus/{location}', { params: { path: { location } } })),
      /** Replaces the whole menu, from the version last seen (get() it first, or pass { version }; 0 for a menu never saved). */
      put: (location: MenuLocation, items: Schemas['AdminMenuPut']['items'], opts: VersionOption = {}) =>
        menu(location, () => api.PUT('/admin/menus/{location}', { params: { path: { location }, header: ifMatch(`menu:${location}`, opts) }, body: { items } })),
    },
    sections: {
      list: () => listed(() => api.GET('/admin/sections')),
      create: (input: Schemas['AdminSectionCreate']) => article(() => api.POST('/admin/sections', { body: input, params: { header: { 'Idempotency-Key': newKey() } } })),
      /** Renames and describes a section, from the version last seen (list() first, or pass { version }). */
      update: (id: string, input: Schemas['AdminRename'], opts: VersionOption = {}) =>
        article(() => api.PATCH('/admin/sections/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: input })),
    },
    tags: {
      list: () => listed(() => api.GET('/admin/tags')),
      update: (id: string, input: Schemas['AdminRename'], opts: VersionOption = {}) =>
        article(() => api.PATCH('/admin/tags/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: input })),
      /** Merges tag `id` into `into` (an id), from the merged tag's version last seen. */
      merge: (id: string, into: string, opts: VersionOption = {}) =>
        call(() => api.POST('/admin/tags/{id}/merge', { params: { path: { id }, header: { ...ifMatch(id, opts), 'Idempotency-Key': newKey() } }, body: { into } })).then((r) => r.data),
    },
    comments: {
      list: async (status: 'pending' | 'approved' | 'spam' | 'trash' = 'pending', page = 1) => {
        const { data } = await call(() => api.GET('/admin/comments', { params: { query: { status, page } } }));
        for (const c of data.comments) versions.set(c.id, c.version);
        return data;
      },
      /** Approves, spams or trashes a comment, from the version last seen (list() first, or pass { version }). */
      moderate: (id: string, action: 'approve' | 'spam' | 'trash', opts: VersionOption = {}) =>
        article(() => api.POST('/admin/comments/{id}/{action}', { params: { path: { id, action }, header: { ...ifMatch(id, opts), 'Idempotency-Key': newKey() } } })),
    },
    plans: {
      list: (query: paths['/admin/plans']['get']['parameters']['query'] = {}) => listed(() => api.GET('/admin/plans', { params: { query } })),
      create: (input: Schemas['AdminPlanCreate'], opts: { idempotencyKey?: string } = {}) => {
        const key = opts.idempotencyKey ?? newKey();
        return article(() => api.POST('/admin/plans', { body: input, params: { header: { 'Idempotency-Key': key } } }));
      },
      get: (id: string) => article(() => api.GET('/admin/plans/{id}', { params: { path: { id } } })),
      /** Status and notes only: the writer's progress; other fields need an editor's key. From the version last seen. */
      update: (id: string, patch: Schemas['AdminPlanUpdate'], opts: VersionOption = {}) =>
        article(() => api.PATCH('/admin/plans/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: patch })),
      startDraft: (id: string, opts: VersionOption = {}) =>
        article(() => api.POST('/admin/plans/{id}/start-draft', { params: { path: { id }, header: { ...ifMatch(id, opts), 'Idempotency-Key': newKey() } } })),
      delete: (id: string, opts: VersionOption = {}) => call(() => api.DELETE('/admin/plans/{id}', { params: { path: { id }, header: ifMatch(id, opts) } })).then((r) => r.data),
    },
    alerts: {
      list: () => call(() => api.GET('/admin/alerts')).then((r) => r.data),
      publish: (input: Schemas['AdminAlertCreate'], opts: { idempotencyKey?: string } = {}) =>
        call(() => api.POST('/admin/alerts', { body: input, params: { header: { 'Idempotency-Key': opts.idempotencyKey ?? newKey() } } })).then((r) => r.data),
      end: (id: string) => call(() => api.POST('/admin/alerts/{id}/end', { params: { path: { id }, header: { 'Idempotency-Key': newKey() } } })).then((r) => r.data),
    },
    corrections: {
      list: (articleId: string) => call(() => api.GET('/admin/articles/{id}/corrections', { params: { path: { id: articleId } } })).then((r) => r.data),
      add: (articleId: string, input: Schemas['AdminCorrectionCreate'], opts: { idempotencyKey?: string } = {}) =>
        call(() => api.POST('/admin/articles/{id}/corrections', { body: input, params: { path: { id: articleId }, header: { 'Idempotency-Key': opts.idempotencyKey ?? newKey() } } })).then(
          (r) => r.data,
        ),
      withdraw: (articleId: string, correctionId: string) =>
        call(() => api.POST('/admin/articles/{id}/corrections/{correctionId}/withdraw', { params: { path: { id: articleId, correctionId }, header: { 'Idempotency-Key': newKey() } } })).then(
          (r) => r.data,
        ),
    },
    live: {
      get: (articleId: string) => call(() => api.GET('/admin/articles/{id}/live', { params: { path: { id: articleId } } })).then((r) => r.data),
      start: (articleId: string) =>
        call(() => api.POST('/admin/articles/{id}/live/{intent}', { params: { path: { id: articleId, intent: 'start' }, header: { 'Idempotency-Key': newKey() } } })).then((r) => r.data),
      end: (articleId: string) =>
        call(() => api.POST('/admin/articles/{id}/live/{intent}', { params: { path: { id: articleId, intent: 'end' }, header: { 'Idempotency-Key': newKey() } } })).then((r) => r.data),
      post: (articleId: string, input: Schemas['AdminLiveUpdateCreate'], opts: { idempotencyKey?: string } = {}) =>
        article(() => api.POST('/admin/articles/{id}/live/updates', { body: input, params: { path: { id: articleId }, header: { 'Idempotency-Key': opts.idempotencyKey ?? newKey() } } })),
      /** Changes the fields sent of an update, from the version last seen. */
      edit: (articleId: string, updateId: string, patch: Schemas['AdminLiveUpdateUpdate'], opts: VersionOption = {}) =>
        article(() => api.PATCH('/admin/articles/{id}/live/updates/{updateId}', { body: patch, params: { path: { id: articleId, updateId }, header: ifMatch(updateId, opts) } })),
      delete: (articleId: string, updateId: string, opts: VersionOption = {}) =>
        call(() => api.DELETE('/admin/articles/{id}/live/updates/{updateId}', { params: { path: { id: articleId, updateId }, header: ifMatch(updateId, opts) } })).then((r) => r.data),
    },
    media: {
      upload: (file: Blob, name: string, text: { alt?: string; caption?: string; credit?: string } = {}) => {
        const form = new FormData();
        form.set('file', file, name);
        for (const [k, v] of Object.entries(text)) if (v) form.set(k, v);
        // Not retried: a multipart body is framed anew each time, so a retry is a different request.
        return call(() => api.POST('/admin/media', { body: form as never, bodySerializer: (b) => b as unknown as FormData }), 0).then(({ data }) => {
          versions.set(data.id, data.version);
          return data;
        });
      },
      get: (id: string) => article(() => api.GET('/admin/media/{id}', { params: { path: { id } } })),
      /** Changes the fields sent (alt, caption, credit, focalX/focalY in percent), from the version last seen. */
      update: (id: string, patch: Schemas['AdminMediaUpdate'], opts: VersionOption = {}) =>
        article(() => api.PATCH('/admin/media/{id}', { params: { path: { id }, header: ifMatch(id, opts) }, body: patch })),
      delete: (id: string, opts: VersionOption = {}) => call(() => api.DELETE('/admin/media/{id}', { params: { path: { id }, header: ifMatch(id, opts) } })).then((r) => r.data),
    },
  };
}

export type BroadsheetClient = ReturnType<typeof createBroadsheetClient>;
