-- Full-text search over published articles (lib/search). Hand-written: FTS5 virtual tables
-- are not Prisma models; scripts/db/engine.ts lists them as external tables so diffs ignore them.
-- The index is filled by the application (reindexArticle / rebuildSearchIndex), which
-- `npm run db:migrate` runs after this migration.

-- One stable integer key per indexed article: FTS5 rows are addressed by rowid.
CREATE TABLE "ArticleSearchKey" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL UNIQUE
);

-- Porter stemming over unicode61 (diacritics folded); the rank is bm25 with the title
-- weighted 10, the standfirst 4 and the body 1.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    title,
    standfirst,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO "ArticleSearch"("ArticleSearch", "rank") VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');
