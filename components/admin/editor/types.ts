import type { BodyDoc } from '@/lib/articles/body-schema';
import type { HeroImage } from '@/components/media/hero-image-picker';

/** The article as the edit page hands it to the editor. */
export type ArticleEditorInitial = {
  id: string;
  slug: string;
  version: number;
  status: string;
  title: string;
  standfirst: string;
  bodyJson: BodyDoc;
  sectionId: string;
  tags: string;
  /** datetime-local value in the site's time zone, when scheduled. */
  publishAt?: string;
  /** When the server copy was last saved (ISO), to tell whether a local copy is newer. */
  updatedAt: string;
  heroImage?: HeroImage | null;
};

/** What the server holds, as far as this editor knows. */
export type SavedArticle = { id: string; slug: string; version: number; status: string };

export type Notice = { ok: boolean; message: string };
