import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Store suites create their own databases; keep files isolated.
    pool: "forks",
    testTimeout: 30_000,
  },
});
