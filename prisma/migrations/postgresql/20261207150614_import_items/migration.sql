-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sticky" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originalId" TEXT NOT NULL,
    "entityId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "entityVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportItem_kind_entityId_idx" ON "ImportItem"("kind", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ImportItem_source_kind_originalId_key" ON "ImportItem"("source", "kind", "originalId");
