-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('CORRECTION', 'CLARIFICATION', 'UPDATE');

-- CreateEnum
CREATE TYPE "AlertLevel" AS ENUM ('BREAKING', 'DEVELOPING', 'LIVE');

-- CreateTable
CREATE TABLE "ArticleCorrection" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "note" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ArticleCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreakingAlert" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "level" "AlertLevel" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BreakingAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleCorrection_articleId_createdAt_idx" ON "ArticleCorrection"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleCorrection_createdAt_idx" ON "ArticleCorrection"("createdAt");

-- CreateIndex
CREATE INDEX "BreakingAlert_startsAt_idx" ON "BreakingAlert"("startsAt");

-- AddForeignKey
ALTER TABLE "ArticleCorrection" ADD CONSTRAINT "ArticleCorrection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
