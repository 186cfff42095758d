import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { scorePeriod } from "../src/bot/period-scores.js";
import type { FigureInput, Store } from "../src/bot/ports/store.js";
import { createCatalog } from "../src/rulesets/index.js";
import { createStore } from "../src/store/index.js";
import type { BenchResult } from "./run.js";
import { buildRuleset, buildUnits, UNITS } from "./scoring.js";
import { round } from "./timing.js";

const elapsed = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

interface Backend {
  readonly name: "sqlite" | "postgres";
  readonly url: string;
  /** Plain driver: insert the same rows and read them back, the floor any store pays. */
  baseline(rows: readonly (readonly unknown[])[]): Promise<{ writeMs: number; readMs: number }>;
  drop(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-"));
  return {
    name: "sqlite",
    url: `file:${join(dir, "bench.db")}`,
    async baseline(rows) {
      const db = new Database(join(dir, "baseline.db"));
      db.pragma("journal_mode = WAL");
      db.exec("CREATE TABLE f (unit INTEGER, item TEXT, raw TEXT, figure TEXT, status TEXT, at TEXT)");
      const insert = db.prepare("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)");
      const writeMs = await elapsed(async () => db.transaction(() => rows.forEach((r) => insert.run(...r)))());
      const readMs = await elapsed(async () => db.prepare("SELECT * FROM f").all());
      db.close();
      return { writeMs, readMs };
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresBackend(base: string): Promise<Backend | null> {
  const name = `dti_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch {
    return null; // no PostgreSQL here: the SQLite figures still print
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    name: "postgres",
    url: url.toString(),
    async baseline(rows) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      await client.query("CREATE TABLE f (unit INTEGER, item TEXT, raw TEXT, figure TEXT, status TEXT, at TIMESTAMPTZ)");
      const writeMs = await elapsed(async () => {
        await client.query("BEGIN");
        for (let i = 0; i < rows.length; i += 1000) {
          const batch = rows.slice(i, i + 1000);
          const params = batch.flat();
          const values = batch.map((_, r) => `(${[1, 2, 3, 4, 5, 6].map((c) => `$${r * 6 + c}`).join(",")})`).join(",");
          await client.query(`INSERT INTO f VALUES ${values}`, params);
        }
        await client.query("COMMIT");
      });
      const readMs = await elapsed(() => client.query("SELECT * FROM f"));
      await client.end();
      return { writeMs, readMs };
    },
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function run(backend: Backend): Promise<BenchResult> {
  const ruleset = buildRuleset();
  const catalog = createCatalog([ruleset]);
  const units = buildUnits(ruleset);
  const store: Store = await createStore(backend.url);
  try {
    const province = await store.provinces.ensure("bench", "Bench");
    await store.provinces.assignRuleset(province.id, { groupCode: "xa", groupName: "Xã", rulesetId: ruleset.id }, "bench");
    await store.units.upsertMany(province.id, units.map((u) => ({ code: u.unitId, name: u.unitId, kind: "commune" as const, groupCode: "xa" })), "bench");
    const ids = new Map((await store.units.list(province.id)).map((u) => [u.code, u.id]));
    const period = await store.periods.open({ provinceId: province.id, rulesetId: ruleset.id, year: 2025, deadlines: [] }, "bench");
    const now = new Date();
    const inputs: FigureInput[] = units.flatMap((u) => [...u.figures].map(([itemCode, figure]) => ({
      periodId: period.id, unitId: ids.get(u.unitId)!, itemCode, rawValue: "x", figure, status: "submitted" as const,
      enteredBy: null, enteredByLabel: "bench", channel: "import" as const,
    })));
    const writeMs = await elapsed(() => store.figures.recordMany(inputs, now));
    let ranked = 0;
    const loadRankMs = await elapsed(async () => {
      const outcome = await scorePeriod({ store, catalog }, period.id);
      ranked = outcome.ok ? outcome.scores.groups[0]!.reviewed.units.length : 0;
    });
    if (ranked !== UNITS) throw new Error(`ranked ${ranked} units`);
    const rows = inputs.map((i) => [i.unitId, i.itemCode, i.rawValue, JSON.stringify(i.figure), i.status, now.toISOString()] as const);
    const base = await backend.baseline(rows);
    return {
      bench: "store",
      database: backend.name,
      case: `write ${inputs.length} figures (${UNITS} units × ~100 items), then load the period and rank it`,
      write_ms: round(writeMs),
      baseline_write_ms: round(base.writeMs),
      write_ratio: round(writeMs / base.writeMs, 1),
      load_and_rank_ms: round(loadRankMs),
      baseline_read_ms: round(base.readMs),
      pass: true,
    };
  } finally {
    await store.close();
    await backend.drop();
  }
}

export async function storeBench(): Promise<BenchResult[]> {
  const results = [await run(sqliteBackend())];
  const pgUrl = process.env["TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const postgres = await postgresBackend(pgUrl);
  if (postgres) results.push(await run(postgres));
  else results.push({ bench: "store", database: "postgres", skipped: `no PostgreSQL at ${pgUrl}`, pass: true });
  return results;
}
