import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.ts"],
    // Integration tests share one embedded Postgres, a database per file; two cores fit two files at a time.
    globalSetup: ["tests/global-setup.ts"],
    env: { LOG_LEVEL: "warn" },
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
