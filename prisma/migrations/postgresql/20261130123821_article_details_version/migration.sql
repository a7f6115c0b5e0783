-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "detailsVersion" INTEGER NOT NULL DEFAULT 1;
