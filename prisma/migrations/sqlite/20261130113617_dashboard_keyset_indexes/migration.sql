-- DropIndex
DROP INDEX "Article_sectionId_updatedAt_idx";

-- DropIndex
DROP INDEX "Article_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Article_title_idx";

-- DropIndex
DROP INDEX "Article_publishedAt_title_idx";

-- DropIndex
DROP INDEX "Article_updatedAt_title_idx";

-- DropIndex
DROP INDEX "Article_status_publishedAt_idx";

-- DropIndex
DROP INDEX "ArticleAuthor_userId_idx";

-- CreateIndex
CREATE INDEX "Article_status_publishedAt_id_idx" ON "Article"("status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_updatedAt_id_title_idx" ON "Article"("updatedAt", "id", "title");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_title_idx" ON "Article"("publishedAt", "id", "title");

-- CreateIndex
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_id_idx" ON "Article"("status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_sectionId_updatedAt_id_idx" ON "Article"("sectionId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_sectionId_publishedAt_id_idx" ON "Article"("sectionId", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "ArticleAuthor_userId_articleId_idx" ON "ArticleAuthor"("userId", "articleId");
