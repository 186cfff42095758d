import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { sqliteFile } from "../../src/store/adapter.js";
import { createStore, providerOf } from "../../src/store/index.js";

/** A database the store suite runs on: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set (CI sets it). */
export interface Backend {
  readonly name: "sqlite" | "postgres";
  /** A fresh, empty database; `drop` removes it. */
  create(): Promise<{ url: string; drop: () => Promise<void> }>;
}

const sqlite: Backend = {
  name: "sqlite",
  async create() {
    const dir = mkdtempSync(join(tmpdir(), "dti-store-"));
    return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(baseUrl: string): Backend {
  return {
    name: "postgres",
    async create() {
      const name = `dti_test_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.end();
        },
      };
    },
  };
}

export const BACKENDS: readonly Backend[] = [
  sqlite,
  ...(process.env["TEST_POSTGRES_URL"] ? [postgres(process.env["TEST_POSTGRES_URL"])] : []),
];

/** A fresh store for the enclosing describe block, closed and dropped after it. */
export function useStore(backend: Backend): () => Store {
  let store: Store | null = null;
  let drop: (() => Promise<void>) | null = null;
  beforeAll(async () => {
    const db = await backend.create();
    drop = db.drop;
    store = await createStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });
  return () => {
    if (!store) throw new Error("store not ready");
    return store;
  };
}

/** Run one statement on a test database behind the store's back: damage to what it keeps, as a disk or a person could do. */
export async function execute(url: string, sql: string): Promise<void> {
  if (providerOf(url) === "sqlite") {
    const db = new Database(sqliteFile(url));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
