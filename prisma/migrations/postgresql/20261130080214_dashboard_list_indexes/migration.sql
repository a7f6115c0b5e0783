-- DropIndex
DROP INDEX "Article_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Article_updatedAt_title_idx" ON "Article"("updatedAt", "title");

-- CreateIndex
CREATE INDEX "Article_publishedAt_title_idx" ON "Article"("publishedAt", "title");

-- CreateIndex
CREATE INDEX "Article_title_idx" ON "Article"("title");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_sectionId_updatedAt_idx" ON "Article"("sectionId", "updatedAt");
