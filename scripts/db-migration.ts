/**
 * `npm run db:migration -- <name>`: after editing prisma/models.prisma, write
 * both schemas and a new migration for each provider, as the SQL that turns
 * the schema of the last migration into the current one. Uses
 * `prisma migrate diff` between two datamodels, which needs no database and
 * no engine download. Each migration folder keeps a copy of the schema it
 * produces, which is what the next migration diffs from (and what the drift
 * test compares with).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROVIDERS, readModels, schemaFor, schemaPath } from "./db-schemas.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const models = readModels();
// --config selects the driver adapter, so nothing is downloaded. The pg adapter connects even for a
// datamodel diff, so PostgreSQL must be reachable (the local server, or MIGRATION_POSTGRES_URL).
const POSTGRES_URL = process.env["MIGRATION_POSTGRES_URL"] ?? process.env["TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const planned: { provider: string; target: string; sql: string }[] = [];
for (const provider of PROVIDERS) {
  writeFileSync(schemaPath(provider), schemaFor(provider, models));
  const dir = join("prisma", provider, "migrations");
  const last = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().pop();
  const from = last ? ["--from-schema-datamodel", join(dir, last, "schema.prisma")] : ["--from-empty"];
  const env = { ...process.env, DATABASE_URL: provider === "sqlite" ? `file:${join(tmpdir(), "dti-diff.db")}` : POSTGRES_URL };
  const args = ["prisma", "migrate", "diff", "--config", join("prisma", provider, "prisma.config.ts"), ...from,
    "--to-schema-datamodel", schemaPath(provider), "--script"];
  const sql = execFileSync("npx", args, { encoding: "utf8", env });
  if (/^-- This is an empty migration/m.test(sql)) console.log(`${provider}: no change`);
  else planned.push({ provider, target: join(dir, `${stamp}_${name}`), sql });
}
// Written only once both diffs succeeded, so the providers never end up with different migrations.
for (const { provider, target, sql } of planned) {
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, "migration.sql"), sql);
  copyFileSync(schemaPath(provider as "sqlite" | "postgres"), join(target, "schema.prisma"));
  console.log(`${provider}: wrote ${target}`);
}
