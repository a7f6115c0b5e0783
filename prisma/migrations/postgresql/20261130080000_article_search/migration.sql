-- Full-text search over published articles (lib/search). Hand-written: not a Prisma model;
-- scripts/db/engine.ts lists the table as external so diffs ignore it. The index is filled
-- by the application (reindexArticle / rebuildSearchIndex), which `npm run db:migrate`
-- runs after this migration.

-- English stemming with accents folded ("café" finds "cafe" and back), like SQLite's
-- unicode61 remove_diacritics. unaccent is a trusted extension: a database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION broadsheet_search (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION broadsheet_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "title" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    -- Weights: A title, B standfirst, C body (ts_rank_cd ranks A matches highest).
    "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('broadsheet_search'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('broadsheet_search'::regconfig, "standfirst"), 'B') ||
        setweight(to_tsvector('broadsheet_search'::regconfig, "body"), 'C')
    ) STORED
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");
