import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PROVIDERS, readModels, schemaFor, schemaPath } from "../../scripts/db-schemas.js";
import { sqliteFile } from "../../src/store/adapter.js";
import { listMigrations, migrate } from "../../src/store/migrate.js";
import { BACKENDS } from "../helpers/databases.js";

const ROOT = join(import.meta.dirname, "..", "..");
const run = promisify(execFile);

/** Every model and its scalar columns, read from prisma/models.prisma. */
function expectedColumns(): Map<string, string[]> {
  const models = readModels();
  const names = [...models.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
  const out = new Map<string, string[]>();
  for (const [, name, body] of models.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const columns = body!.split("\n")
      .map((line) => /^\s+(\w+)\s+(\w+)(\[\])?\??/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && !names.includes(m[2]!) && m[3] === undefined)
      .map((m) => m[1]!);
    out.set(name!, columns.sort());
  }
  return out;
}

async function actualColumns(backend: string, url: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (backend === "sqlite") {
    const db = new Database(sqliteFile(url), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) out.set(name, (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name).sort());
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
  );
  await client.end();
  for (const r of rows) out.set(r.table_name, [...(out.get(r.table_name) ?? []), r.column_name].sort());
  return out;
}

describe("schemas and migrations", () => {
  it.each(PROVIDERS)("the %s schema is generated from prisma/models.prisma (run npm run db:schemas)", (provider) => {
    expect(readFileSync(schemaPath(provider), "utf8")).toBe(schemaFor(provider, readModels()));
  });

  it.each(PROVIDERS)("the latest %s migration produces the current schema (run npm run db:migration)", (provider) => {
    const dir = join(ROOT, "prisma", provider, "migrations");
    const last = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort().pop()!;
    expect(readFileSync(join(dir, last, "schema.prisma"), "utf8")).toBe(readFileSync(schemaPath(provider), "utf8"));
  });

  it("both providers have the same migrations", () => {
    const names = (provider: string) => readdirSync(join(ROOT, "prisma", provider, "migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory()).map((e) => e.name);
    expect(names("postgres")).toEqual(names("sqlite"));
  });

  describe.each(BACKENDS)("on $name", (backend) => {
    it("migrating creates every table and column of the models, and a second run changes nothing", async () => {
      const db = await backend.create();
      try {
        expect(await migrate(backend.name, db.url)).toEqual(listMigrations(backend.name).map((m) => m.name));
        expect(await migrate(backend.name, db.url)).toEqual([]);
        const actual = await actualColumns(backend.name, db.url);
        expect(expectedColumns().size).toBe(32);
        expect(expectedColumns().get("Province")).toEqual(["code", "createdAt", "id", "name"]);
        for (const [model, columns] of expectedColumns()) expect({ model, columns: actual.get(model) }).toEqual({ model, columns });
      } finally {
        await db.drop();
      }
    });
  });

  it("the Prisma CLI agrees that what the service applied is up to date", async () => {
    const db = await BACKENDS[0]!.create();
    try {
      await migrate("sqlite", db.url);
      const { stdout } = await run("npx", ["prisma", "migrate", "status", "--config", "prisma/sqlite/prisma.config.ts"], {
        cwd: ROOT, env: { ...process.env, DATABASE_URL: db.url },
      });
      expect(stdout).toMatch(/Database schema is up to date/);
    } finally {
      await db.drop();
    }
  });
});
