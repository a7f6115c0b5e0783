// Names shared by the browser and the server for an article's shared (co-edited) document.

/** The WebSocket path the production server hands to the co-editing server (scripts/server.mjs). */
export const COLLAB_PATH = '/collab';

/** The Yjs types of an article's shared document: title and standfirst as text, the body as ProseMirror XML. */
export const COLLAB_FIELDS = { title: 'title', standfirst: 'standfirst', body: 'body' } as const;

/** Notes are announced to everyone in the document through this Yjs map (id → last change time), so lists refresh at once. */
export const COLLAB_NOTES_SIGNAL = 'notes';

export const collabDocumentName = (articleId: string) => `article:${articleId}`;

/** The article id named by a document name, or null for a name that is not an article's. */
export function articleIdOfDocument(name: string): string | null {
  const m = /^article:([A-Za-z0-9_-]{1,40})$/.exec(name);
  return m ? m[1]! : null;
}

const COLOURS = ['#b4235a', '#1d6fa3', '#2f7d32', '#8a4fbf', '#b85c00', '#00796b', '#5b6b00', '#c2185b'];

/** A person's caret colour: stable for their id, chosen from colours readable on both themes. */
export function colourFor(userId: string): string {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[h % COLOURS.length]!;
}
