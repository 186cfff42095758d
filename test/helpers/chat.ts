import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Core } from "../../src/bot/core.js";
import { createCore } from "../../src/bot/core.js";
import type { Store } from "../../src/bot/ports/store.js";
import { PLAIN, renderReply } from "../../src/bot/render.js";
import type { Inbound, InboundFile } from "../../src/bot/reply.js";
import { createScoreCache } from "../../src/bot/score-cache.js";
import type { LogPort } from "../../src/bot/session.js";
import { seedDemo } from "../../src/demo/seed.js";
import { createI18n, type I18n } from "../../src/i18n/index.js";
import { createReports } from "../../src/reports.js";
import { createFileStorage, createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "./cli.js";
import { realCatalog, realSearch } from "./real.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

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

/** The demo province on a fresh database (SQLite unless `databaseUrl` says otherwise), and the core over it, with a settable clock. */
export async function chatFixture(options: { botUsername?: string; delivery?: boolean; databaseUrl?: string } = {}): Promise<ChatFixture> {
  const store = await createStore(options.databaseUrl ?? tempDatabaseUrl(), { tokenKey: TEST_TOKEN_KEY });
  const catalog = realCatalog();
  await seedDemo({ store, catalog, now: SEEDED_AT, province: DA_NANG });
  const clock = { now: new Date(SEEDED_AT.getTime() + 86_400_000) };
  const i18n = createI18n();
  const wakes = { count: 0 };
  // Evidence files go to a folder of their own, as EVIDENCE_DIR would have them.
  const evidenceDir = mkdtempSync(join(tmpdir(), "dti-evidence-"));
  const evidence = { storage: createFileStorage(evidenceDir), maxBytes: 2 * 1_048_576, types: new Set(["pdf", "jpg", "png", "webp", "docx", "xlsx"]) };
  const core = createCore({
    store, catalog, search: realSearch(), scores: createScoreCache({ store, catalog }), now: () => clock.now, log: QUIET, evidence,
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

let sequence = 0;

/** Someone on the console channel of a fixture, as the core's handler tests drive it. */
export interface ChatPerson {
  /** What they see, as plain text. */
  say(text: string): Promise<string>;
  /** Tap the button of the latest reply with buttons whose action starts with `match` (a string) or matches it. */
  tap(match: string | RegExp): Promise<string>;
  /** Send a button's action directly. */
  act(action: string): Promise<string>;
  /** The actions of the latest reply with buttons. */
  actions(): readonly string[];
  /** A file as a channel hands it over; `downloads` counts how often the core fetched it. */
  send(filename: string, data: Uint8Array, caption?: string, announced?: number | null): Promise<{ text: string; downloads: number }>;
}

/** A person chatting with the fixture's core; `fixture` is read on each message (fixtures are made in beforeAll). */
export function chatPerson(fixture: () => ChatFixture, userId: string, displayName = userId): ChatPerson {
  let actions: string[] = [];
  const handle = async (input: Partial<Inbound>) => {
    const f = fixture();
    const { replies, locale } = await f.core.handle({
      channel: "console", updateId: `${userId}-${++sequence}`, userId, chatId: userId, chatType: "private", displayName, at: f.clock.now, ...input,
    });
    const rendered = replies.map((r) => renderReply(f.i18n, locale, r, PLAIN));
    const withButtons = rendered.filter((r) => r.buttons.length > 0).at(-1);
    if (withButtons) actions = withButtons.buttons.flat().map((b) => b.action);
    return rendered.map((r) => r.text).join("\n");
  };
  return {
    say: (text) => handle({ text }),
    tap: (match) => {
      const action = actions.find((a) => (typeof match === "string" ? a.startsWith(match) : match.test(a)));
      if (!action) throw new Error(`no button ${String(match)} among ${actions.join(", ")}`);
      return handle({ action });
    },
    act: (action) => handle({ action }),
    actions: () => actions,
    async send(filename, data, caption, announced = data.byteLength) {
      const counter = { downloads: 0 };
      const file: InboundFile = { filename, declaredType: null, size: announced, download: async () => (counter.downloads += 1, data) };
      return { text: await handle({ file, ...(caption !== undefined && { text: caption }) }), downloads: counter.downloads };
    },
  };
}

/** Run `body` with the fixture's clock set to `at`, and put it back after. */
export async function withClock<T>(fixture: ChatFixture, at: string, body: () => Promise<T>): Promise<T> {
  const saved = fixture.clock.now;
  fixture.clock.now = new Date(at);
  try {
    return await body();
  } finally {
    fixture.clock.now = saved;
  }
}
