-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originalId" TEXT NOT NULL,
    "entityId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "entityVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL DEFAULT '',
    "bodyJson" JSONB NOT NULL,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "scheduledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "detailsVersion" INTEGER NOT NULL DEFAULT 1,
    "commentsOpen" BOOLEAN NOT NULL DEFAULT true,
    "sticky" BOOLEAN NOT NULL DEFAULT false,
    "sectionId" TEXT,
    "heroImageId" TEXT,
    "seoTitle" TEXT,
    "seoDescription" TEXT,
    "canonicalUrl" TEXT,
    "socialImageId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_heroImageId_fkey" FOREIGN KEY ("heroImageId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_socialImageId_fkey" FOREIGN KEY ("socialImageId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("bodyHtml", "bodyJson", "canonicalUrl", "commentsOpen", "createdAt", "detailsVersion", "heroImageId", "id", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "socialImageId", "standfirst", "status", "title", "updatedAt", "version", "wordCount") SELECT "bodyHtml", "bodyJson", "canonicalUrl", "commentsOpen", "createdAt", "detailsVersion", "heroImageId", "id", "publishedAt", "scheduledAt", "sectionId", "seoDescription", "seoTitle", "slug", "socialImageId", "standfirst", "status", "title", "updatedAt", "version", "wordCount" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_status_publishedAt_id_idx" ON "Article"("status", "publishedAt", "id");
CREATE INDEX "Article_sectionId_status_publishedAt_idx" ON "Article"("sectionId", "status", "publishedAt");
CREATE INDEX "Article_status_scheduledAt_idx" ON "Article"("status", "scheduledAt");
CREATE INDEX "Article_updatedAt_id_title_idx" ON "Article"("updatedAt", "id", "title");
CREATE INDEX "Article_publishedAt_id_title_idx" ON "Article"("publishedAt", "id", "title");
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");
CREATE INDEX "Article_status_updatedAt_id_idx" ON "Article"("status", "updatedAt", "id");
CREATE INDEX "Article_sectionId_updatedAt_id_idx" ON "Article"("sectionId", "updatedAt", "id");
CREATE INDEX "Article_sectionId_publishedAt_id_idx" ON "Article"("sectionId", "publishedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportItem_kind_entityId_idx" ON "ImportItem"("kind", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportItem_source_kind_originalId_key" ON "ImportItem"("source", "kind", "originalId");
