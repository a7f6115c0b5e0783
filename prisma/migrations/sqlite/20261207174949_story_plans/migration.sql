-- CreateTable
CREATE TABLE "StoryPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "headline" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'IDEA',
    "targetWords" INTEGER,
    "dueAt" DATETIME,
    "assigneeId" TEXT,
    "sectionId" TEXT,
    "articleId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StoryPlan_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StoryPlan_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StoryPlan_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StoryPlan_articleId_key" ON "StoryPlan"("articleId");

-- CreateIndex
CREATE INDEX "StoryPlan_dueAt_id_idx" ON "StoryPlan"("dueAt", "id");

-- CreateIndex
CREATE INDEX "StoryPlan_assigneeId_dueAt_idx" ON "StoryPlan"("assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "StoryPlan_sectionId_dueAt_idx" ON "StoryPlan"("sectionId", "dueAt");
