export type Item = { id: string; label: string };
export type MediaOption = { id: string; label: string; url: string };
export type SeoValues = { seoTitle: string; seoDescription: string; canonicalUrl: string; socialImageId: string };

export type ArticleDetailsInitial = SeoValues & {
  id: string;
  title: string;
  standfirst: string;
  /** The public URL readers will use, for the search preview. */
  url: string;
  /** The details version these values are, sent back with a save so a colleague's newer save is never overwritten. */
  detailsVersion: number;
  commentsOpen: boolean;
  authors: Item[];
  related: Item[];
};
