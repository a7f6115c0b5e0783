// The shape of a note as the editor's Notes panel shows it (types only: client components import it).
export type ArticleNoteView = {
  id: string;
  anchorFrom: string;
  anchorTo: string;
  quote: string;
  resolved: boolean;
  createdAt: string;
  messages: { id: string; author: string; body: string; createdAt: string }[];
};
