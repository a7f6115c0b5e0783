// The body editor's nodes and marks (TipTap), shared by the browser editor and the server, which
// needs the same ProseMirror schema to write into the shared (co-edited) document (lib/collab).
import { getSchema, mergeAttributes, Node } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { MEDIA_ID, parseEmbedUrl, SAFE_HREF, type EmbedProvider } from './body-schema';

const PROVIDER_LABEL: Record<EmbedProvider, string> = { youtube: 'YouTube video', vimeo: 'Vimeo video', x: 'Post on X', link: 'Link card' };

/** A pull quote: a blockquote the reader's page sets large and centred. */
const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  parseHTML: () => [{ tag: 'blockquote.pull-quote', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), 0],
});

/** An embed stores only a canonical URL and its provider; the server decides how it is shown. */
const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => ({ provider: { default: 'link' }, url: { default: '' } }),
  parseHTML: () => [
    {
      tag: 'div[data-embed-url]',
      getAttrs: (el) => {
        const parsed = parseEmbedUrl((el as HTMLElement).getAttribute('data-embed-url') ?? '');
        return parsed ? { provider: parsed.provider, url: parsed.url } : false;
      },
    },
  ],
  renderHTML: ({ node }) => [
    'div',
    { 'data-embed-url': node.attrs.url, class: 'editor-embed' },
    ['strong', {}, PROVIDER_LABEL[node.attrs.provider as EmbedProvider] ?? 'Embed'],
    ['span', {}, ` ${node.attrs.url}`],
  ],
});

/** A library image: the node holds the media id and the words; the server renders the files. */
const LibraryImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => ({ mediaId: { default: '' }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } }),
  parseHTML: () => [
    {
      tag: 'figure[data-media-id]',
      getAttrs: (el) => {
        const e = el as HTMLElement;
        const mediaId = e.getAttribute('data-media-id') ?? '';
        const alt = e.querySelector('img')?.getAttribute('alt') ?? '';
        return MEDIA_ID.test(mediaId) && alt ? { mediaId, alt, caption: e.getAttribute('data-caption') ?? '', credit: e.getAttribute('data-credit') ?? '' } : false;
      },
    },
  ],
  renderHTML: ({ node }) => {
    const { mediaId, alt, caption, credit } = node.attrs as { mediaId: string; alt: string; caption: string; credit: string };
    return [
      'figure',
      { 'data-media-id': mediaId, 'data-caption': caption, 'data-credit': credit, class: 'editor-image' },
      ['img', { src: `/api/media/${encodeURIComponent(mediaId)}/preview`, alt, class: 'max-h-80 w-auto' }],
      ['figcaption', { class: 'text-sm text-muted' }, [caption, caption && credit ? ' — ' : '', credit].join('') || 'No caption'],
    ];
  },
});

/** Exactly the nodes and marks bodyDocSchema accepts: no code, strike or underline the server would refuse. */
export const BODY_EXTENSIONS = bodyExtensions();

/** The body's extensions; `undoRedo: false` when co-editing, whose undo is the shared document's (each person undoes their own typing). */
export function bodyExtensions({ undoRedo = true } = {}) {
  return [
    StarterKit.configure({
      ...(undoRedo ? {} : { undoRedo: false as const }),
      heading: { levels: [2, 3, 4] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => SAFE_HREF.test(url),
      },
    }),
    PullQuote,
    Embed,
    LibraryImage,
  ];
}

let schema: ReturnType<typeof getSchema> | null = null;
/** The ProseMirror schema of the body, built once. */
export function bodySchema() {
  return (schema ??= getSchema(BODY_EXTENSIONS));
}
