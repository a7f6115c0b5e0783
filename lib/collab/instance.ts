import 'server-only';
import type { Hocuspocus } from '@hocuspocus/server';
import { COLLAB_HANDLER } from './handler-key';
import type { CollabContext } from './server';

// Apart from server.ts so that the domain (lib/collab/shared.ts, hence saveArticle) can ask whether
// co-editing runs without importing the server, its session checks and Next's navigation with it.
/** This process's co-editing server, when it runs (the production server); null in tests and builds. */
export function collabInstance(): Hocuspocus<CollabContext> | null {
  const entry = (globalThis as Record<symbol, { hocuspocus: Hocuspocus<CollabContext> } | undefined>)[COLLAB_HANDLER];
  return entry?.hocuspocus ?? null;
}
