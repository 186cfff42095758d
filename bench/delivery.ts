import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import { createWorkCalendar, DEFAULT_OFFICE_HOURS } from "../src/bot/calendar.js";
import { queueReminders, standings } from "../src/bot/notify/jobs.js";
import { DEFAULT_REMINDERS, planReminders } from "../src/bot/notify/reminders.js";
import type { OutboxInput } from "../src/bot/ports/delivery.js";
import type { FigureInput, Store } from "../src/bot/ports/store.js";
import { text } from "../src/bot/reply.js";
import { createScoreCache } from "../src/bot/score-cache.js";
import { createTelegramSender } from "../src/channels/telegram/sender.js";
import { createDeliveryWorker } from "../src/delivery/worker.js";
import { createI18n } from "../src/i18n/index.js";
import { vnEndOfDay } from "../src/i18n/dates.js";
import { createCatalog } from "../src/rulesets/index.js";
import { q, type Ruleset, type RulesetNode } from "../src/scoring/index.js";
import { createStore } from "../src/store/index.js";
import type { BenchResult } from "./run.js";
import { round, seeded } from "./timing.js";

const RECIPIENTS = 10_000;
const LIMIT_PER_SECOND = 300;
const TARGET_SHARE = 0.9;
const UNITS = 4_000;
const SELECT_TARGET_MS = 3_000;
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

const elapsed = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

interface FakeProcess {
  readonly apiRoot: string;
  stats(): Promise<{ received: number; distinct: number; tooMany: number; reasons: string[] }>;
  close(): Promise<void>;
}

/** The fake Bot API in its own process, as Telegram is remote: the bot's event loop does not delay its clock. */
async function startFakeProcess(limits: { globalPerSecond: number; chatPerSecond: number; groupPerMinute: number }): Promise<FakeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/fake-telegram-process.ts"], {
    env: { ...process.env, LIMITS: JSON.stringify(limits) }, stdio: ["ignore", "pipe", "inherit"],
  });
  const apiRoot = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (l) => {
      if (l.startsWith("READY ")) resolve(l.slice(6));
    });
    child.once("exit", () => reject(new Error("the fake Bot API did not start")));
  });
  return {
    apiRoot,
    stats: async () => (await (await fetch(`${apiRoot}/__stats`)).json()) as Awaited<ReturnType<FakeProcess["stats"]>>,
    async close() {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

/** 10,000 people, one message each, through the fake Bot API held to 300 messages/s. */
async function throughput(store: Store): Promise<BenchResult> {
  const fake = await startFakeProcess({ globalPerSecond: LIMIT_PER_SECOND, chatPerSecond: 1, groupPerMinute: 20 });
  try {
    const now = new Date();
    const messages: OutboxInput[] = [];
    for (let i = 0; i < RECIPIENTS; i += 1) {
      const chat = String(1_000_000 + i);
      const identity = await store.identities.touch("telegram", chat, now, { chatId: chat });
      messages.push({ key: `bench:${i}`, identityId: identity.id, kind: "broadcast", reply: { lines: [text(`bench:${i}`)] }, notBefore: new Date(0) });
    }
    await store.outbox.enqueue(messages);
    const worker = createDeliveryWorker({
      outbox: store.outbox, identities: store.identities, locks: store.locks,
      senders: new Map([["telegram", createTelegramSender({ token: "1:BENCH-DELIVERY-TOKEN-FOR-THE-FAKE-API", apiRoot: fake.apiRoot, i18n: createI18n() })]]),
      limits: new Map([["telegram", { globalPerSecond: LIMIT_PER_SECOND, chatPerSecond: 1, groupPerMinute: 20 }]]),
      now: () => new Date(), log: QUIET, instanceId: "bench", concurrency: 16, idleMs: 20,
    });
    const running = worker.run();
    // Until the queue has nothing left to send (sent, or given up on).
    const ms = await elapsed(async () => {
      for (;;) {
        const { byStatus } = await store.outbox.stats({ problems: 0 });
        if (byStatus.pending === 0 && byStatus.inflight === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    await worker.stop();
    await running;
    const queue = (await store.outbox.stats({ problems: 5 }));
    const stats = await fake.stats();
    const duplicates = stats.received - stats.distinct;
    const lost = RECIPIENTS - stats.distinct;
    const perSecond = (RECIPIENTS * 1000) / ms;
    const share = perSecond / LIMIT_PER_SECOND;
    return {
      bench: "delivery.throughput", database: "sqlite", recipients: RECIPIENTS, limit_per_s: LIMIT_PER_SECOND,
      sent_per_s: round(perSecond, 1), share_of_limit: round(share, 3), target_share: TARGET_SHARE, duplicates, lost,
      too_many_requests: stats.tooMany, why: stats.reasons.join(","), seconds: round(ms / 1000, 1),
      failed: queue.byStatus.failed, uncertain: queue.byStatus.uncertain, problems: queue.problems.map((p) => p.error).join(" | "),
      pass: share >= TARGET_SHARE && duplicates === 0 && lost === 0,
    };
  } finally {
    await fake.close();
  }
}

/** A 10-item commune ruleset, enough to score 4,000 units with some items missing. */
function smallRuleset(): Ruleset {
  const leaf = (code: string): RulesetNode => ({
    code, name: `Chỉ số ${code}`, depth: 1, evidenceRequired: false, keywords: [], synonyms: [], maxPoints: 10, input: { kind: "percent" },
    rule: { type: "ratio" }, effect: "base", notApplicable: { allowed: false, automaticFor: [] }, inferred: false, children: [],
  });
  return {
    id: "bench-xa", title: "bench", province: { code: "b", name: "b" }, decision: null, version: "1", unitKinds: ["commune"], totalPoints: 100,
    completeness: "full", illustrative: true, draft: false, historical: false, declared: {}, sources: [], notes: [],
    indices: [{ ...leaf("1"), depth: 0, rule: undefined, input: undefined, maxPoints: 100, children: Array.from({ length: 10 }, (_, i) => leaf(`1.${i + 1}`)) } as RulesetNode],
    classification: { scale: 100, bands: [{ id: "a", name: "A", from: 80 }, { id: "b", name: "B", from: 0, below: 80 }] },
    rounding: { digits: 2, valueDigits: 4, mode: "half_up" }, adjustments: { bonusCap: null, penaltyCap: null }, process: { deadlines: [], notes: [] },
  };
}

/** Who is reminded, for 4,000 units with an officer and a leader each, against a plain SQL read of the same roles and chats. */
async function selection(store: Store, file: string): Promise<BenchResult> {
  const ruleset = smallRuleset();
  const catalog = createCatalog([ruleset]);
  const province = await store.provinces.ensure("bench", "Bench");
  await store.provinces.assignRuleset(province.id, { groupCode: "xa", groupName: "Xã", rulesetId: ruleset.id }, "bench");
  const codes = Array.from({ length: UNITS }, (_, i) => `X${i}`);
  await store.units.upsertMany(province.id, codes.map((code) => ({ code, name: `UBND xã ${code}`, kind: "commune" as const, groupCode: "xa" })), "bench");
  await store.people.importMany(province.id, codes.flatMap((code) => [
    { fullName: `Cán bộ ${code}`, unitCode: code, role: "officer" as const }, { fullName: `Lãnh đạo ${code}`, unitCode: code, role: "leader" as const },
  ]), "bench");
  const now = new Date("2026-11-25T02:00:00Z");
  for (const person of await store.people.list(province.id)) {
    const identity = await store.identities.touch("telegram", `p${person.id}`, now, { chatId: `p${person.id}` });
    await store.identities.bindPerson(identity.id, person.id);
  }
  const period = await store.periods.open({
    provinceId: province.id, rulesetId: ruleset.id, year: 2025, deadlines: [{ kind: "submission", dueAt: vnEndOfDay(2026, 11, 30) }],
  }, "bench");
  const ids = new Map((await store.units.list(province.id)).map((u) => [u.code, u.id]));
  const random = seeded(7);
  const figures: FigureInput[] = codes.flatMap((code) => ruleset.indices[0]!.children.filter(() => random() > 0.15).map((leaf) => ({
    periodId: period.id, unitId: ids.get(code)!, itemCode: leaf.code, rawValue: "50%", figure: { kind: "share" as const, value: q(1, 2) },
    status: "submitted" as const, enteredBy: null, enteredByLabel: "bench", channel: "import" as const,
  })));
  await store.figures.recordMany(figures, now);
  const scores = createScoreCache({ store, catalog });
  await scores.get(period.id);
  const deps = { store, catalog, scores, log: QUIET, office: DEFAULT_OFFICE_HOURS, reminders: DEFAULT_REMINDERS, channels: ["telegram" as const] };
  // Selecting: roles, each unit's standing from the cached scores, the plan, and each person's chat.
  let planned = 0;
  const selectMs = await elapsed(async () => {
    const roles = await store.people.activeRoles(province.id);
    const outcome = await scores.get(period.id);
    if (!outcome.ok) throw new Error("bench period not scored");
    const plan = planReminders({
      period, units: standings(catalog, outcome.scores, roles), calendar: createWorkCalendar(), settings: DEFAULT_REMINDERS,
      snoozes: new Map(), delegations: [], admins: [], now,
    });
    planned = plan.length;
    await store.identities.preferred(plan.map((p) => p.personId), ["telegram"]);
  });
  const jobMs = await elapsed(() => queueReminders(deps, now));
  const db = new Database(file, { readonly: true });
  const baselineMs = await elapsed(async () => {
    db.prepare(`SELECT r."unitId", r."role", i."id" FROM "Role" r JOIN "ChannelIdentity" i ON i."personId" = r."personId" WHERE r."provinceId" = ?`).all(province.id);
  });
  db.close();
  return {
    bench: "delivery.select", database: "sqlite", units: UNITS, reminders: planned, select_ms: round(selectMs), queue_job_ms: round(jobMs),
    baseline_plain_sql_ms: round(baselineMs), target_select_ms: SELECT_TARGET_MS, pass: selectMs < SELECT_TARGET_MS && planned > 0,
  };
}

export async function deliveryBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "dti-bench-delivery-"));
  try {
    const first = await createStore(`file:${join(dir, "throughput.db")}`);
    const sent = await throughput(first).finally(() => first.close());
    const file = join(dir, "select.db");
    const second = await createStore(`file:${file}`);
    const selected = await selection(second, file).finally(() => second.close());
    return [sent, selected];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
