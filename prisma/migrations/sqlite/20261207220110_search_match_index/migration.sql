-- CreateIndex
CREATE INDEX "Article_id_status_publishedAt_idx" ON "Article"("id", "status", "publishedAt");
