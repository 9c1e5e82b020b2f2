import { defineConfig } from "prisma/config";

// The app applies migrations itself (lib/db/migrate.ts); this file only tells the CLI where things are.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bloomery" },
});
