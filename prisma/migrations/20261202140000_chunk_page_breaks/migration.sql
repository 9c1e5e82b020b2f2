-- AlterTable
ALTER TABLE "chunks" ADD COLUMN     "page_breaks" JSONB;
