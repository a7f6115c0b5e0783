-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Media_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Media" ("alt", "caption", "createdAt", "credit", "filename", "focalX", "focalY", "height", "id", "mimeType", "size", "storageKey", "uploadedById", "variants", "width") SELECT "alt", "caption", "createdAt", "credit", "filename", "focalX", "focalY", "height", "id", "mimeType", "size", "storageKey", "uploadedById", "variants", "width" FROM "Media";
DROP TABLE "Media";
ALTER TABLE "new_Media" RENAME TO "Media";
CREATE UNIQUE INDEX "Media_storageKey_key" ON "Media"("storageKey");
CREATE INDEX "Media_createdAt_idx" ON "Media"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
