import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { createCore } from "../src/bot/core.js";
import { NO_METRICS } from "../src/bot/ports/metrics.js";
import { createScoreCache } from "../src/bot/score-cache.js";
import { createItemSearch } from "../src/bot/search.js";
import { loadGlossary } from "../src/rulesets/index.js";
import { parseConfig } from "../src/config.js";
import { seedDemo } from "../src/demo/seed.js";
import { createHttpServer } from "../src/http/server.js";
import { createI18n } from "../src/i18n/index.js";
import { createLogger } from "../src/logger.js";
import { createCatalog, loadRulesetsOrThrow } from "../src/rulesets/index.js";
import { createStore } from "../src/store/index.js";
import { createZalo } from "../src/zalo.js";
import { startFakeZalo } from "../test/helpers/fake-zalo.js";
import type { BenchResult } from "./run.js";
import { round } from "./timing.js";
import { DA_NANG } from "../test/fixtures/demo/da-nang.js";

/** Zalo wants the webhook answered within about 2 seconds, or it sends the event again. */
const ACK_P95_TARGET_MS = 2_000;
const EVENTS = 400;
const USERS = 50;
/** Requests Zalo has open at once in this burst. */
const CONCURRENCY = 20;
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };
const QUESTIONS = ["chỉ số 6.2 là gì", "/diem", "/thieu", "cach tinh diem hop khong giay", "/hanchot", "/toi", "/xephang", "/huongdan"];

function percentiles(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5), 2), p95: round(at(0.95), 2), max: round(sorted.at(-1)!, 2) };
}

/** Fire `requests` with `CONCURRENCY` in flight; each one's time from send to answer. */
async function burst(requests: (() => Promise<unknown>)[]): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const start = process.hrtime.bigint();
      await request();
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return times;
}

/**
 * A burst of signed Zalo webhook events (questions, scores, unit members
 * bound to the demo province) against the service's real HTTP server with
 * the real channel, core and store on SQLite: how long Zalo waits for its
 * answer while the bot is busy answering earlier events, beside a bare
 * fastify route answering the same requests. And how fast the events are
 * handled to the last reply.
 */
export async function zaloBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-zalo-"));
  const fake = await startFakeZalo();
  const store = await createStore(`file:${join(dir, "bench.db")}`, { tokenKey: "bench-token-key-0123456789abcdefghijkl" });
  const { rulesets } = loadRulesetsOrThrow("rulesets");
  const catalog = createCatalog(rulesets);
  await seedDemo({ store, catalog, now: new Date(), province: DA_NANG });
  const i18n = createI18n();
  const now = () => new Date();
  const core = createCore({ store, catalog, search: createItemSearch(catalog, loadGlossary("rulesets")), scores: createScoreCache({ store, catalog }), now, log: QUIET });
  const config = parseConfig({
    ZALO_APP_ID: fake.appId, ZALO_APP_SECRET: fake.appSecret, ZALO_OA_ID: fake.oaId, ZALO_OA_SECRET_KEY: fake.oaSecretKey,
    ZALO_TOKEN_KEY: "bench-token-key-0123456789abcdefghijkl", ZALO_API_ROOT: fake.url, ZALO_OAUTH_ROOT: fake.url, ZALO_REFRESH_TOKEN: fake.grantRefreshToken(),
  });
  const zalo = createZalo({ config, store, i18n, now, log: QUIET, wake: () => undefined })!;
  const channel = zalo.channel(core, NO_METRICS);
  const http = createHttpServer({ logger: createLogger({ level: "silent" }), ready: async () => ({ status: "ready", checks: {} }), zalo: zalo.webhook(channel) });
  const hook = `${await http.listen({ host: "127.0.0.1", port: 0 })}/webhooks/zalo`;
  const bare = Fastify();
  bare.post("/webhooks/zalo", async () => ({ error: 0, message: "Success" }));
  const bareHook = `${await bare.listen({ host: "127.0.0.1", port: 0 })}/webhooks/zalo`;
  try {
    // Half the users are officers of the demo province's units, bound with invite codes as in real use.
    const province = (await store.provinces.byCode("da-nang"))!;
    const units = (await store.units.list(province.id)).slice(0, USERS / 2);
    const users = Array.from({ length: USERS }, (_, i) => `8${String(100 + i).padStart(18, "0")}`);
    for (const [i, unit] of units.entries()) {
      const { code } = await store.invites.create({ provinceId: province.id, unitId: unit.id, role: "officer", maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000) }, "bench");
      fake.addUser({ id: users[i]!, name: `Cán bộ ${i + 1}` });
      await fake.deliver(hook, { kind: "text", userId: users[i]!, text: code });
    }
    for (const userId of users.slice(units.length)) fake.addUser({ id: userId, name: "Khách" });
    await channel.stop();
    const before = fake.sent.length;
    const started = process.hrtime.bigint();
    const acks = await burst(Array.from({ length: EVENTS }, (_, i) => () =>
      fake.deliver(hook, { kind: "text", userId: users[i % USERS]!, text: QUESTIONS[i % QUESTIONS.length]! })));
    await channel.stop();
    const handledMs = Number(process.hrtime.bigint() - started) / 1e6;
    const replies = fake.sent.length - before;
    const baseline = await burst(Array.from({ length: EVENTS }, (_, i) => () =>
      fake.deliver(bareHook, { kind: "text", userId: users[i % USERS]!, text: QUESTIONS[i % QUESTIONS.length]! })));
    const ack = percentiles(acks);
    const base = percentiles(baseline);
    return [{
      bench: "zalo.webhook", database: "sqlite", events: EVENTS, users: USERS, concurrency: CONCURRENCY,
      ack_p50_ms: ack.p50, ack_p95_ms: ack.p95, ack_max_ms: ack.max, baseline_bare_route_p50_ms: base.p50, baseline_bare_route_p95_ms: base.p95,
      handled_per_s: round((EVENTS * 1000) / handledMs, 1), replies, target_ack_p95_ms: ACK_P95_TARGET_MS,
      pass: ack.p95 < ACK_P95_TARGET_MS && replies >= EVENTS,
    }];
  } finally {
    await channel.stop();
    await http.close();
    await bare.close();
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
