import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenInput } from "../../src/bot/ports/credentials.js";
import type { Store } from "../../src/bot/ports/store.js";
import { sqliteFile } from "../../src/store/adapter.js";
import { createStore } from "../../src/store/index.js";
import { BACKENDS, type Backend } from "../helpers/databases.js";

const KEY = "test-zalo-token-key-0123456789abcdef";
const NOW = new Date("2026-03-01T03:00:00Z");
const HOUR = 3_600_000;
const ACCESS = "ACCESS-TOKEN-zalo-oa-5f2c9e";
const REFRESH = "REFRESH-TOKEN-zalo-oa-77ab10";
const tokens = (suffix = ""): TokenInput => ({
  accessToken: `${ACCESS}${suffix}`, refreshToken: `${REFRESH}${suffix}`,
  accessExpiresAt: new Date(NOW.getTime() + 25 * HOUR), refreshExpiresAt: new Date(NOW.getTime() + 90 * 24 * HOUR),
});

/** Rows of a table as stored, read past Prisma and the store. */
async function rawRows(backend: Backend["name"], url: string, table: string): Promise<Record<string, unknown>[]> {
  if (backend === "sqlite") {
    const db = new Database(sqliteFile(url), { readonly: true });
    try {
      return db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(`SELECT * FROM "${table}"`)).rows;
  } finally {
    await client.end();
  }
}

describe.each(BACKENDS)("channel tokens on $name", (backend) => {
  let url = "";
  let drop: () => Promise<void> = async () => {};
  const stores: Store[] = [];
  let store: Store;
  /** Another process on the same database, configured with another key (or none). */
  const open = async (tokenKey?: string) => {
    const other = await createStore(url, tokenKey === undefined ? {} : { tokenKey });
    stores.push(other);
    return other;
  };

  beforeAll(async () => {
    ({ url, drop } = await backend.create());
    store = await open(KEY);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await drop();
  });

  it("saves and reads back a pair; nothing is stored for an unknown account", async () => {
    expect(await store.tokens.get("zalo", "oa-1")).toBeNull();
    const saved = await store.tokens.save("zalo", "oa-1", tokens(), "admin:test", NOW);
    expect(saved).toEqual({ channel: "zalo", account: "oa-1", ...tokens(), updatedAt: NOW, version: 1, failure: null, failedAt: null });
    expect(await store.tokens.get("zalo", "oa-1")).toEqual(saved);
  });

  it("keeps only ciphertext in the database, in the v1 format with a fresh IV per value", async () => {
    await store.tokens.save("zalo", "oa-raw", { ...tokens(), refreshToken: ACCESS }, "admin:test", NOW);
    const [row] = (await rawRows(backend.name, url, "ChannelToken")).filter((r) => r["account"] === "oa-raw");
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(ACCESS);
    expect(stored).not.toContain(Buffer.from(ACCESS).toString("base64url"));
    const format = /^v1:[\w-]{16}:[\w-]{22}:[\w-]+$/;
    expect(row!["accessTokenEnc"]).toMatch(format);
    expect(row!["refreshTokenEnc"]).toMatch(format);
    // The same plain text twice: different IVs, so different ciphertexts.
    expect(row!["accessTokenEnc"]).not.toBe(row!["refreshTokenEnc"]);
  });

  it("each save grows the version and clears a recorded failure", async () => {
    await store.tokens.save("zalo", "oa-2", tokens(), "admin:test", NOW);
    await store.tokens.markFailed("zalo", "oa-2", "refresh token expired (-14014)", new Date(NOW.getTime() + HOUR));
    expect(await store.tokens.get("zalo", "oa-2")).toMatchObject({
      ...tokens(), version: 1, failure: "refresh token expired (-14014)", failedAt: new Date(NOW.getTime() + HOUR),
    });
    const later = new Date(NOW.getTime() + 2 * HOUR);
    const again = await store.tokens.save("zalo", "oa-2", tokens("-2"), "zalo:refresh", later);
    expect(again).toMatchObject({ version: 2, failure: null, failedAt: null, updatedAt: later, accessToken: `${ACCESS}-2` });
    expect(await store.tokens.get("zalo", "oa-2")).toEqual(again);
  });

  it("audits saves and failures without the token values", async () => {
    await store.tokens.save("zalo", "oa-3", tokens(), "admin:audit", NOW);
    await store.tokens.markFailed("zalo", "oa-3", "invalid refresh token", NOW);
    const [saved] = await store.audit.list({ action: "channel.tokens_saved", limit: 1 });
    expect(saved).toMatchObject({
      actor: "admin:audit", target: "zalo:oa-3",
      details: {
        channel: "zalo", account: "oa-3", version: 1,
        accessExpiresAt: tokens().accessExpiresAt.toISOString(), refreshExpiresAt: tokens().refreshExpiresAt!.toISOString(),
      },
    });
    const [failed] = await store.audit.list({ action: "channel.tokens_failed", limit: 1 });
    expect(failed).toMatchObject({ target: "zalo:oa-3", details: { reason: "invalid refresh token" } });
    const everything = JSON.stringify(await rawRows(backend.name, url, "AuditLog"));
    expect(everything).not.toContain(ACCESS);
    expect(everything).not.toContain(REFRESH);
  });

  it("a different key fails with an error naming the key, never garbage", async () => {
    await store.tokens.save("zalo", "oa-4", tokens(), "admin:test", NOW);
    const other = await open("another-key-entirely");
    await expect(other.tokens.get("zalo", "oa-4")).rejects.toThrow(/Cannot decrypt the zalo tokens of account oa-4: .*different ZALO_TOKEN_KEY/);
  });

  it("without a key nothing is saved, and the error names ZALO_TOKEN_KEY", async () => {
    await store.tokens.save("zalo", "oa-6", tokens(), "admin:test", NOW);
    const keyless = await open();
    await expect(keyless.tokens.save("zalo", "oa-5", tokens(), "admin:test", NOW)).rejects.toThrow(/ZALO_TOKEN_KEY is not set/);
    await expect(keyless.tokens.saveAuthState("s-keyless", "verifier", NOW)).rejects.toThrow(/ZALO_TOKEN_KEY is not set/);
    expect(await store.tokens.get("zalo", "oa-5")).toBeNull();
    await expect(keyless.tokens.get("zalo", "oa-6")).rejects.toThrow(/ZALO_TOKEN_KEY is not set/);
  });

  it("gives an authorisation's verifier once, encrypted while it waits", async () => {
    const verifier = "pkce-verifier-3b8f0d2a9c";
    await store.tokens.saveAuthState("state-1", verifier, NOW);
    expect(JSON.stringify(await rawRows(backend.name, url, "OAuthState"))).not.toContain(verifier);
    const [first, second] = await Promise.all([
      store.tokens.takeAuthState("state-1", new Date(NOW.getTime() + 60_000), 600_000),
      store.tokens.takeAuthState("state-1", new Date(NOW.getTime() + 60_000), 600_000),
    ]);
    expect([first, second].filter((v) => v !== null)).toEqual([verifier]);
    expect(await store.tokens.takeAuthState("state-1", NOW, 600_000)).toBeNull();
    expect(await store.tokens.takeAuthState("unknown", NOW, 600_000)).toBeNull();
  });

  it("refuses a verifier older than the maximum age, and forgets it", async () => {
    await store.tokens.saveAuthState("state-old", "old-verifier", NOW);
    expect(await store.tokens.takeAuthState("state-old", new Date(NOW.getTime() + 600_000), 600_000)).toBeNull();
    expect((await rawRows(backend.name, url, "OAuthState")).map((r) => r["state"])).not.toContain("state-old");
  });
});
