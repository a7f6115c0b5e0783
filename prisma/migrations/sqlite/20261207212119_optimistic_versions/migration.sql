-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "parentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "authorUrl" TEXT,
    "body" TEXT NOT NULL,
    "ipHash" TEXT,
    "userAgent" TEXT,
    "userId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("articleId", "authorEmail", "authorName", "authorUrl", "body", "createdAt", "id", "ipHash", "parentId", "status", "updatedAt", "userAgent", "userId") SELECT "articleId", "authorEmail", "authorName", "authorUrl", "body", "createdAt", "id", "ipHash", "parentId", "status", "updatedAt", "userAgent", "userId" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_status_createdAt_idx" ON "Comment"("status", "createdAt");
CREATE INDEX "Comment_articleId_status_createdAt_idx" ON "Comment"("articleId", "status", "createdAt");
CREATE INDEX "Comment_authorEmail_idx" ON "Comment"("authorEmail");
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");
CREATE TABLE "new_Media" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "alt" TEXT NOT NULL DEFAULT '',
    "caption" TEXT,
    "credit" TEXT,
    "focalX" REAL,
    "focalY" REAL,
    "storageKey" TEXT NOT NULL,
    "variants" JSONB,
    "status" TEXT NOT NULL DEFAULT 'READY',
    "processingError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Media_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Media" ("alt", "caption", "createdAt", "credit", "filename", "focalX", "focalY", "height", "id", "mimeType", "processingError", "size", "status", "storageKey", "uploadedById", "variants", "width") SELECT "alt", "caption", "createdAt", "credit", "filename", "focalX", "focalY", "height", "id", "mimeType", "processingError", "size", "status", "storageKey", "uploadedById", "variants", "width" FROM "Media";
DROP TABLE "Media";
ALTER TABLE "new_Media" RENAME TO "Media";
CREATE UNIQUE INDEX "Media_storageKey_key" ON "Media"("storageKey");
CREATE INDEX "Media_createdAt_idx" ON "Media"("createdAt");
CREATE TABLE "new_Section" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Section" ("createdAt", "description", "id", "name", "position", "slug", "updatedAt") SELECT "createdAt", "description", "id", "name", "position", "slug", "updatedAt" FROM "Section";
DROP TABLE "Section";
ALTER TABLE "new_Section" RENAME TO "Section";
CREATE UNIQUE INDEX "Section_slug_key" ON "Section"("slug");
CREATE INDEX "Section_position_idx" ON "Section"("position");
CREATE TABLE "new_StoryPlan" (
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
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "StoryPlan_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StoryPlan_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StoryPlan_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StoryPlan" ("articleId", "assigneeId", "createdAt", "createdById", "dueAt", "headline", "id", "notes", "sectionId", "status", "targetWords", "updatedAt") SELECT "articleId", "assigneeId", "createdAt", "createdById", "dueAt", "headline", "id", "notes", "sectionId", "status", "targetWords", "updatedAt" FROM "StoryPlan";
DROP TABLE "StoryPlan";
ALTER TABLE "new_StoryPlan" RENAME TO "StoryPlan";
CREATE UNIQUE INDEX "StoryPlan_articleId_key" ON "StoryPlan"("articleId");
CREATE INDEX "StoryPlan_dueAt_id_idx" ON "StoryPlan"("dueAt", "id");
CREATE INDEX "StoryPlan_assigneeId_dueAt_idx" ON "StoryPlan"("assigneeId", "dueAt");
CREATE INDEX "StoryPlan_sectionId_dueAt_idx" ON "StoryPlan"("sectionId", "dueAt");
CREATE TABLE "new_Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Tag" ("createdAt", "description", "id", "name", "slug") SELECT "createdAt", "description", "id", "name", "slug" FROM "Tag";
DROP TABLE "Tag";
ALTER TABLE "new_Tag" RENAME TO "Tag";
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
