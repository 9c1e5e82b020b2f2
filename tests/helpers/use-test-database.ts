import { afterAll, beforeAll } from "vitest";
import { closeDatabase, useDatabase } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "./test-database";

/**
 * Gives the calling test file its own migrated database and makes it the app's database for the
 * whole file (route handlers reach it through `@/lib/db`); closed and dropped after the file.
 * Call it at the top level of the file. The returned object is filled in before the first test runs.
 */
export function useTestDatabase(): TestDatabase {
  const database = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(database, await createTestDatabase());
    await useDatabase(database.url);
  });
  afterAll(async () => {
    await closeDatabase();
    await database.drop();
  });
  return database;
}
