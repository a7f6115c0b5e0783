// What server actions hand back to their forms, shared by the actions (app/) and the client
// components that render the result (components/), which never import from app/. Types only:
// nothing here runs, so client components may import it.
import type { ArticleDetailsSnapshot } from '@/lib/articles/details';
import type { ClientMediaItem } from '@/lib/media/client-item';

/** What every server action returns to its form: never throws for expected failures. */
export type ActionState<T = undefined> = {
  ok: boolean;
  message?: string;
  /** The AppError code of a failure (e.g. 'conflict'), so a form can offer the right way out. */
  code?: string;
  fieldErrors?: Record<string, string[]>;
  /** The submitted values, so a form can keep what the user typed on any error. */
  values?: Record<string, string>;
  data?: T;
};

/** The article editor's save (draft, publish, submit, schedule, unpublish). */
export type SavedArticleState = ActionState<{ id: string; slug: string; version: number; status: string }>;

/** The editor's Details panel save. */
export type SaveDetailsState = ActionState<{
  /** After a save: the details version the panel now holds. */
  detailsVersion?: number;
  /** After a conflict: the details as saved now, by someone else, to compare with the panel's. */
  current?: ArticleDetailsSnapshot;
}>;

/** One chunk of a bulk action on the articles list: an outcome per article. */
export type BulkArticlesState = ActionState<{ results: { id: string; ok: boolean; message?: string }[] }>;

/** "Copy preview link": the signed URL and when it stops working. */
export type PreviewLinkState = ActionState<{ url: string; expires: string }>;

/** The related-articles picker's search results. */
export type RelatedArticlesState = ActionState<{ id: string; title: string }[]>;

/** One batch of a bulk moderation: how many comments were changed. */
export type BulkModerationState = ActionState<{ done: number }>;

/** A commenter's data export, ready to download. */
export type CommenterExportState = ActionState<{ json: string; filename: string }>;

/** A new API key, shown this once. */
export type CreatedKeyState = ActionState<{ label: string; key: string }>;

/** A new webhook endpoint and its signing secret, shown this once. */
export type CreatedWebhookState = ActionState<{ url: string; secret: string; id: string }>;

/** The media picker's "describe at first use": the library item as it now is. */
export type DescribedMediaState = ActionState<ClientMediaItem>;

/** A menu's save (/admin/menus): its new version. */
export type SavedMenuState = ActionState<{ version: number }>;
