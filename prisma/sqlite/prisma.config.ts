// Prisma CLI configuration for sqlite: migrations run through the driver adapter,
// so no engine binary is downloaded (see ../shared/docs/prisma-offline.md).
import { defineConfig } from "prisma/config";
import { createAdapter } from "../../src/store/adapter.js";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => createAdapter("sqlite", process.env["DATABASE_URL"]),
});
