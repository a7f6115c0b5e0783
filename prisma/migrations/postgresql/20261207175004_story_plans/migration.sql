-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('IDEA', 'ASSIGNED', 'WRITING', 'EDITING', 'READY', 'PUBLISHED');

-- CreateTable
CREATE TABLE "StoryPlan" (
    "id" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" "PlanStatus" NOT NULL DEFAULT 'IDEA',
    "targetWords" INTEGER,
    "dueAt" TIMESTAMP(3),
    "assigneeId" TEXT,
    "sectionId" TEXT,
    "articleId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoryPlan_articleId_key" ON "StoryPlan"("articleId");

-- CreateIndex
CREATE INDEX "StoryPlan_dueAt_id_idx" ON "StoryPlan"("dueAt", "id");

-- CreateIndex
CREATE INDEX "StoryPlan_assigneeId_dueAt_idx" ON "StoryPlan"("assigneeId", "dueAt");

-- CreateIndex
CREATE INDEX "StoryPlan_sectionId_dueAt_idx" ON "StoryPlan"("sectionId", "dueAt");

-- AddForeignKey
ALTER TABLE "StoryPlan" ADD CONSTRAINT "StoryPlan_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryPlan" ADD CONSTRAINT "StoryPlan_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryPlan" ADD CONSTRAINT "StoryPlan_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
