-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('queued', 'indexing', 'ready', 'failed');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('pdf', 'docx', 'text', 'markdown');

-- CreateTable
CREATE TABLE "collections" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "owner_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "collection_id" INTEGER NOT NULL,
    "owner_id" INTEGER,
    "file_name" TEXT NOT NULL,
    "kind" "DocumentKind",
    "page_count" INTEGER,
    "byte_size" INTEGER NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "job_id" UUID,
    "chunk_count" INTEGER NOT NULL DEFAULT 0,
    "preview" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "indexed_at" TIMESTAMPTZ(3),

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_uploads" (
    "document_id" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_uploads_pkey" PRIMARY KEY ("document_id")
);

-- CreateTable
-- Prisma cannot declare a generated column; the search vector is computed by Postgres from the
-- heading (weight A) and the text (weight B) with the English configuration.
CREATE TABLE "chunks" (
    "id" SERIAL NOT NULL,
    "document_id" UUID NOT NULL,
    "collection_id" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "heading" TEXT,
    "page" INTEGER,
    "last_page" INTEGER,
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("heading", '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, "text"), 'B')
    ) STORED,

    CONSTRAINT "chunks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "collections_name_key" ON "collections"("name");

-- CreateIndex
CREATE INDEX "collections_owner_id_idx" ON "collections"("owner_id");

-- CreateIndex
CREATE INDEX "documents_owner_id_created_at_idx" ON "documents"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "documents_collection_id_idx" ON "documents"("collection_id");

-- CreateIndex
CREATE INDEX "chunks_collection_id_idx" ON "chunks"("collection_id");

-- CreateIndex
CREATE INDEX "chunks_search_vector_idx" ON "chunks" USING GIN ("search_vector");

-- CreateIndex
CREATE UNIQUE INDEX "chunks_document_id_ordinal_key" ON "chunks"("document_id", "ordinal");

-- AddForeignKey
ALTER TABLE "collections" ADD CONSTRAINT "collections_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_uploads" ADD CONSTRAINT "document_uploads_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chunks" ADD CONSTRAINT "chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chunks" ADD CONSTRAINT "chunks_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
