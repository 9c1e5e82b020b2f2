-- AlterTable
ALTER TABLE "assessments" ADD COLUMN     "material" JSONB;
