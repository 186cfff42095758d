import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Core } from "../../src/bot/core.js";
import { createCore } from "../../src/bot/core.js";
import type { Store } from "../../src/bot/ports/store.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import { createItemSearch } from "../../src/bot/search.js";
import type { LogPort } from "../../src/bot/session.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createI18n, type I18n } from "../../src/i18n/index.js";
import { createReports } from "../../src/reports.js";
import { createFileStorage, createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "./cli.js";
import { realCatalog } from "./real.js";

export const SEEDED_AT = new Date("2026-11-20T03:00:00Z");

/** Encrypts channel tokens in test databases. */
export const TEST_TOKEN_KEY = "test-token-key-0123456789abcdefghijklmnop";

export const QUIET: LogPort = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface ChatFixture {
  readonly store: Store;
  readonly core: Core;
  readonly i18n: I18n;
  /** The clock the core sees; tests move it. */
  readonly clock: { now: Date };
  /** Where the core keeps evidence files (a temporary folder), 2 MB at most. */
  readonly evidenceDir: string;
  /** A fresh invite code for a unit and role of the demo province. */
  invite(role: "officer" | "leader" | "reviewer" | "admin", unitCode: string | null): Promise<string>;
  close(): Promise<void>;
}

/** The demo province on a fresh SQLite database, and the core over it, with a settable clock. */
export async function chatFixture(options: { botUsername?: string; delivery?: boolean } = {}): Promise<ChatFixture> {
  const store = await createStore(tempDatabaseUrl(), { tokenKey: TEST_TOKEN_KEY });
  const catalog = realCatalog();
  await seedDemo({ store, catalog, now: SEEDED_AT });
  const clock = { now: new Date(SEEDED_AT.getTime() + 86_400_000) };
  const i18n = createI18n();
  const wakes = { count: 0 };
  // Evidence files go to a folder of their own, as EVIDENCE_DIR would have them.
  const evidenceDir = mkdtempSync(join(tmpdir(), "dti-evidence-"));
  const evidence = { storage: createFileStorage(evidenceDir), maxBytes: 2 * 1_048_576, types: new Set(["pdf", "jpg", "png", "webp", "docx", "xlsx"]) };
  const core = createCore({
    store, catalog, search: createItemSearch(catalog), scores: createScoreCache({ store, catalog }), now: () => clock.now, log: QUIET, evidence,
    ...(options.botUsername && { botUsername: options.botUsername }),
    // Pushes to console identities, which the tests deliver with the real console sender.
    ...(options.delivery && {
      delivery: { channels: ["console" as const], wake: () => void (wakes.count += 1) }, reports: createReports(i18n, () => clock.now),
    }),
  });
  const province = (await store.provinces.byCode("da-nang"))!;
  return {
    store, core, i18n, clock, evidenceDir,
    async invite(role, unitCode) {
      const unit = unitCode ? await store.units.byCode(province.id, unitCode) : null;
      const { code } = await store.invites.create({
        provinceId: province.id, unitId: unit?.id ?? null, role, maxUses: 10, expiresAt: new Date(clock.now.getTime() + 30 * 86_400_000),
      }, "test");
      return code;
    },
    close: () => store.close(),
  };
}
