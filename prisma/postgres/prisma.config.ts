// Prisma CLI configuration for postgres: migrations run through the driver adapter,
// so no engine binary is downloaded (see ../shared/docs/prisma-offline.md).
import { defineConfig } from "prisma/config";
import { createAdapter } from "../../src/store/adapter.js";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => createAdapter("postgres", process.env["DATABASE_URL"]),
});
