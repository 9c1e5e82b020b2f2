-- AlterTable
ALTER TABLE "jobs" ADD COLUMN     "usage" JSONB;
