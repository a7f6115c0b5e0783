import { articlePath, pagePath } from '@/lib/articles/urls';

/**
 * What the editor edits: articles, or static pages (About, Terms). The same editor, autosave,
 * conflict view and workflow serve both; a kind says where its screens live and what to call it.
 */
export const EDITOR_KINDS = {
  // newDraftId: the key of this browser's copy of a new, unsaved one (lib local-draft), one per kind.
  article: { noun: 'article', basePath: '/admin/articles', publicPath: articlePath, newDraftId: null },
  page: { noun: 'page', basePath: '/admin/pages', publicPath: pagePath, newDraftId: 'new-page' },
} as const;

export type EditorKind = keyof typeof EDITOR_KINDS;
