/**
 * Several instances on PostgreSQL (`npm run bench -- cluster`): two instances
 * of the real service (child processes, webhook mode) on one database send a
 * broadcast to everyone while people chat, and the sending instance is
 * killed (SIGKILL) halfway and restarted. The baseline, measured in the same
 * run, is the same load on one instance, killed and restarted the same way.
 * The fake Bot API (in this process) is the recipient; it counts what it got.
 *
 * Scale: 400 units and 2,000 people by default, so a run takes a few minutes
 * on two cores; `--full` uses the issue's 4,000 units and 20,000 people.
 * `--units=`, `--people=`, `--chatters=`, `--limit=` (or BENCH_CLUSTER_UNITS,
 * _PEOPLE, _CHATTERS, _LIMIT) set each. The database server is
 * BENCH_POSTGRES_URL or TEST_POSTGRES_URL (default: the local server); each
 * run gets a database of its own, dropped after.
 */
import pg from "pg";
import { randomBytes } from "node:crypto";
import type { OutboxInput } from "../src/bot/ports/delivery.js";
import type { Store } from "../src/bot/ports/store.js";
import { text } from "../src/bot/reply.js";
import { createStore } from "../src/store/index.js";
import { kindOfAnswer, MESSAGES, privateMessage } from "../test/helpers/distinct-messages.js";
import { startFakeTelegram, type FakeTelegram, type Received } from "../test/helpers/fake-telegram.js";
import { eventually, startService, type RunningService } from "../test/helpers/service.js";
import { freePort } from "../test/helpers/telegram-emulator.js";
import type { BenchResult } from "./run.js";
import { round, seeded } from "./timing.js";

const TARGET_SHARE = 0.9;
const TAKEOVER_TARGET_S = 15;
const TOKEN = "616161:BENCH-CLUSTER-TOKEN-FOR-THE-FAKE-API";
const SECRET = "bench-cluster-webhook-secret-0123456789";
const BROADCAST = "bench-broadcast:";
/** Chatters' private chats start here, far from the people's. */
const FIRST_CHATTER = 900_000;
/** A chatter sends this many messages back to back, waits for the answers, then pauses 2–6 s (a person reading). */
const BURST = 2;
/** Longest a chatter waits for its answers before counting them as never given. */
const ANSWER_WAIT_MS = 120_000;

interface Scale {
  readonly full: boolean;
  readonly units: number;
  readonly people: number;
  readonly chatters: number;
  /** DELIVERY_GLOBAL_PER_SECOND given to every instance. */
  readonly limit: number;
}

function scale(): Scale {
  const args = process.argv.slice(2);
  const full = args.includes("--full");
  const value = (name: string, fallback: number) => {
    const raw = args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? process.env[`BENCH_CLUSTER_${name.toUpperCase()}`];
    return raw ? Number(raw) : fallback;
  };
  return {
    full, units: value("units", full ? 4_000 : 400), people: value("people", full ? 20_000 : 2_000),
    chatters: value("chatters", full ? 100 : 40), limit: value("limit", 30),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], q: number) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

/** Databases on the server: one seeded template, and a copy of it per run. */
function databases(serverUrl: string) {
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const urlOf = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  return {
    async create(template?: string): Promise<{ name: string; url: string }> {
      const name = `dti_bench_${randomBytes(5).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
      return { name, url: urlOf(name) };
    },
    drop: (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/** The province: units, people with a role each, and each person's Telegram chat. Returns their identity ids. */
async function seed(store: Store, s: Scale): Promise<number[]> {
  const province = await store.provinces.ensure("bench", "Bench");
  const codes = Array.from({ length: s.units }, (_, i) => `X${i}`);
  await store.units.upsertMany(province.id, codes.map((code) => ({ code, name: `UBND xã ${code}`, kind: "commune" as const })), "bench");
  await store.people.importMany(province.id, Array.from({ length: s.people }, (_, i) => ({
    fullName: `Cán bộ ${i}`, unitCode: codes[i % codes.length]!, role: i % 5 === 0 ? "leader" as const : "officer" as const,
  })), "bench");
  const people = await store.people.list(province.id);
  const ids: number[] = [];
  const now = new Date();
  for (let i = 0; i < people.length; i += 25) {
    ids.push(...await Promise.all(people.slice(i, i + 25).map(async (person, j) => {
      const chat = String(100_000 + i + j);
      const identity = await store.identities.touch("telegram", chat, now, { chatId: chat });
      await store.identities.bindPerson(identity.id, person.id);
      return identity.id;
    })));
  }
  return ids;
}

interface Instance {
  readonly name: string;
  service: RunningService;
  live: boolean;
}

interface RunOutcome {
  readonly instances: number;
  readonly broadcast: number;
  readonly sentPerSecondWall: number;
  /** Over the whole broadcast, less the seconds from the kill to the first message of the next sender. */
  readonly sentPerSecond: number;
  /** From the first message to the kill: one sender, steady. */
  readonly sentPerSecondBeforeKill: number;
  /** The most broadcast messages that reached the fake within any one second. */
  readonly busiestSecond: number;
  readonly duplicates: number;
  readonly lostUnflagged: number;
  readonly uncertain: number;
  readonly failed: number;
  readonly takeoverSeconds: number | null;
  readonly chatMessages: number;
  readonly chatsOutOfOrder: number;
  /** The first chat whose answers were not in the order sent: the kinds sent, and the kinds answered (-1: not one of MESSAGES). */
  readonly outOfOrder: { chat: number; sent: string; answers: string } | null;
  readonly chatAnswersRepeated: number;
  /** Answers that told the person their message could not be handled. */
  readonly chatFailures: number;
  readonly chatUnanswered: number;
  readonly replyP50Ms: number | null;
  readonly replyP95Ms: number | null;
  readonly replyMaxMs: number | null;
  readonly scheduledRuns: number;
  readonly scheduledRetried: number;
  readonly scheduledTwice: number;
  readonly tooManyRequests: number;
  /** The five most frequent errors the services logged, with their counts. */
  readonly serviceErrors: Record<string, number>;
  readonly seconds: number;
}

/** One run: `count` instances on a fresh copy of the seeded database, the broadcast, the chatters, a kill halfway. */
async function run(serverUrl: string, template: string, count: number, s: Scale): Promise<RunOutcome> {
  const dbs = databases(serverUrl);
  const database = await dbs.create(template);
  // Replies and the broadcast share the fake, whose limits stay out of the way: the service's own limit is measured (and its
  // busiest second reported). With Telegram's limits, one 429 to a reply (the bot's replies do not wait on the queue's limiter)
  // starts a penalty that every later request of either renews, and nothing is sent again.
  const fake: FakeTelegram = await startFakeTelegram({ globalPerSecond: 1000, chatPerSecond: 1000, groupPerMinute: 1000 });
  const store = await createStore(database.url);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const instances: Instance[] = [];
  /** Every process started in the run, the killed one too: their logged errors are reported. */
  const started: RunningService[] = [];
  try {
    const start = async (name: string) => {
      const port = await freePort();
      const service = await startService({
        DATABASE_URL: database.url, INSTANCE_ID: name, HTTP_PORT: String(port), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `${fake.apiRoot}/${name}`,
        TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: SECRET,
        DELIVERY_GLOBAL_PER_SECOND: String(s.limit), CHAT_RATE_LIMIT: "100", REMINDER_OFFSETS: "0",
      }, "telegram: webhook set");
      started.push(service);
      return service;
    };
    const names = ["A", "B"].slice(0, count);
    for (const [i, service] of (await Promise.all(names.map(start))).entries()) instances.push({ name: names[i]!, service, live: true });

    // Replies by chat, as the fake receives them.
    const byChat = new Map<string, Received[]>();
    let seen = 0;
    const broadcastArrivals: Received[] = [];
    const collect = () => {
      for (; seen < fake.received.length; seen += 1) {
        const r = fake.received[seen]!;
        if (r.text.startsWith(BROADCAST)) broadcastArrivals.push(r);
        else byChat.set(r.chatId, [...(byChat.get(r.chatId) ?? []), r]);
      }
    };
    const collector = setInterval(collect, 20);

    const identities = (await sql.query<{ id: number }>(`SELECT id FROM "ChannelIdentity" WHERE "personId" IS NOT NULL ORDER BY id`)).rows.map((r) => r.id);
    const begun = Date.now();
    await store.outbox.enqueue(identities.map((identityId, i): OutboxInput => ({
      key: `${BROADCAST}${i}`, identityId, kind: "broadcast", reply: { lines: [text(`${BROADCAST}${i}`)] }, notBefore: new Date(0),
    })));
    let settled = false;

    // Webhook posts go to a live instance, round robin; one that fails is posted again elsewhere (Telegram re-sends too).
    let turn = 0;
    let nextUpdate = 1;
    const post = async (chat: number, message: string) => {
      const id = nextUpdate++;
      const body = JSON.stringify(privateMessage(id, chat, message, "B"));
      for (;;) {
        const live = instances.filter((i) => i.live);
        const target = live[turn++ % Math.max(1, live.length)];
        if (target) {
          const ok = await fetch(`${target.service.url}/telegram/webhook`, {
            method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body,
          }).then((r) => r.ok, () => false);
          if (ok) return;
        }
        await sleep(200);
      }
    };

    // People chatting while the broadcast goes: bursts, each waited for, until the broadcast is done.
    const sent = new Map<number, { kind: number; at: number }[]>();
    let unanswered = 0;
    const chatters = Array.from({ length: s.chatters }, async (_, c) => {
      const chat = FIRST_CHATTER + c;
      const random = seeded(c + 1);
      const mine: { kind: number; at: number }[] = [];
      sent.set(chat, mine);
      await sleep(random() * 3_000);
      while (!settled) {
        for (let b = 0; b < BURST; b += 1) {
          const kind = (c + mine.length) % MESSAGES.length;
          mine.push({ kind, at: Date.now() });
          await post(chat, MESSAGES[kind]!.text);
        }
        const answered = await eventually(() => ((byChat.get(String(chat))?.length ?? 0) >= mine.length ? true : undefined), "answers", ANSWER_WAIT_MS)
          .catch(() => false);
        if (!answered) unanswered += 1;
        await sleep(2_000 + random() * 4_000);
      }
    });

    // Halfway through the broadcast the sending instance is killed, and started again.
    const senderOf = async () => eventually(async () => {
      for (const i of instances.filter((x) => x.live)) {
        const { body } = await i.service.get("/readyz");
        if ((body as { checks: Record<string, { status: string }> }).checks["delivery"]?.status === "sending") return i;
      }
      return undefined;
    }, "a sending instance", 60_000);
    await eventually(() => (broadcastArrivals.length >= identities.length / 2 ? true : undefined), "half the broadcast to go", 3_600_000);
    const killed = await senderOf();
    const before = (await sql.query<{ claimedBy: string }>(`SELECT DISTINCT "claimedBy" FROM "OutboxMessage" WHERE "claimedBy" IS NOT NULL`)).rows;
    killed.live = false;
    const killedAt = new Date();
    await killed.service.kill();
    killed.service = await start(killed.name);
    killed.live = true;

    await eventually(async () => {
      const { byStatus } = await store.outbox.stats({ problems: 0 });
      return byStatus.pending === 0 && byStatus.inflight === 0 ? true : undefined;
    }, "the broadcast to settle", 3_600_000);
    settled = true;
    await Promise.all(chatters);
    // Everything recorded handled, so no answer is still on its way.
    await eventually(async () => ((await sql.query(`SELECT 1 FROM "InboundUpdate" WHERE "processedAt" IS NULL`)).rowCount === 0 ? true : undefined),
      "the updates to be handled", 120_000).catch(() => undefined);
    collect();
    clearInterval(collector);
    const seconds = (Date.now() - begun) / 1000;

    // The broadcast: what arrived against what the outbox says.
    const rows = (await sql.query<{ key: string; status: string; claimedBy: string | null; sentAt: Date | null }>(
      `SELECT key, status, "claimedBy", "sentAt" FROM "OutboxMessage" WHERE key LIKE '${BROADCAST}%'`,
    )).rows;
    const arrived = new Map<string, number>();
    for (const r of broadcastArrivals) arrived.set(r.text, (arrived.get(r.text) ?? 0) + 1);
    const duplicates = [...arrived.values()].reduce((n, k) => n + Math.max(0, k - 1), 0);
    const lostUnflagged = rows.filter((r) => !arrived.has(r.key) && r.status !== "uncertain" && r.status !== "failed").length;
    // Taken over: the first message sent by a sender other than the one killed.
    const oldSenders = new Set(before.map((r) => r.claimedBy));
    const firstAfter = rows.filter((r) => r.status === "sent" && r.claimedBy && !oldSenders.has(r.claimedBy) && r.sentAt && r.sentAt >= killedAt)
      .map((r) => r.sentAt!.getTime()).sort((a, b) => a - b)[0];
    const takeoverSeconds = firstAfter === undefined ? null : (firstAfter - killedAt.getTime()) / 1000;
    const times = broadcastArrivals.map((r) => r.at).sort((a, b) => a - b);
    const span = times.length > 1 ? (times.at(-1)! - times[0]!) / 1000 : NaN;
    const sentPerSecondWall = broadcastArrivals.length / span;
    const sentPerSecond = broadcastArrivals.length / (span - (takeoverSeconds ?? 0));
    let busiestSecond = 0;
    for (let i = 0, j = 0; i < times.length; i += 1) {
      while (times[i]! - times[j]! >= 1000) j += 1;
      busiestSecond = Math.max(busiestSecond, i - j + 1);
    }
    const beforeKill = times.filter((t) => t < killedAt.getTime());
    const sentPerSecondBeforeKill = beforeKill.length > 1 ? beforeKill.length / ((beforeKill.at(-1)! - beforeKill[0]!) / 1000) : NaN;

    // The chats: answers in the order sent. An answer repeated at once (an update handled again after a kill) is told apart,
    // and so is the bot's "something went wrong" (-1), which stands in the place of the update it answers.
    let chatsOutOfOrder = 0;
    let chatAnswersRepeated = 0;
    let chatFailures = 0;
    let outOfOrder: RunOutcome["outOfOrder"] = null;
    const latencies: number[] = [];
    for (const [chat, mine] of sent) {
      const answers = (byChat.get(String(chat)) ?? []).map((r) => ({ kind: kindOfAnswer(r.text), at: r.at }));
      const distinct = answers.filter((a, i) => i === 0 || a.kind === -1 || a.kind !== answers[i - 1]!.kind);
      chatAnswersRepeated += answers.length - distinct.length;
      chatFailures += answers.filter((a) => a.kind === -1).length;
      if (distinct.length !== mine.length || distinct.some((a, i) => a.kind !== -1 && a.kind !== mine[i]!.kind)) {
        chatsOutOfOrder += 1;
        outOfOrder ??= { chat, sent: mine.map((m) => m.kind).join(""), answers: answers.map((a) => a.kind).join(",") };
      }
      for (const [i, m] of mine.entries()) if (distinct[i]?.kind === m.kind) latencies.push(distinct[i]!.at - m.at);
    }
    latencies.sort((a, b) => a - b);

    // Scheduled runs (pg-boss's table): an occurrence run by two jobs (twice), or a run started again after it failed or its
    // runner died (retried: a run cut short by the kill is, by design).
    const scheduled = (await sql.query<{ runs: string; retried: string; twice: string }>(
      `SELECT count(*) AS runs, count(*) FILTER (WHERE retry_count > 0) AS retried, coalesce((
         SELECT sum(n - 1) FROM (SELECT count(*) AS n FROM pgboss.job WHERE name LIKE 'schedule-%' GROUP BY name, singleton_on, singleton_key HAVING count(*) > 1) d
       ), 0) AS twice
       FROM pgboss.job WHERE name LIKE 'schedule-%' AND state IN ('active', 'completed', 'failed', 'retry')`,
    )).rows[0]!;
    // What the services logged as errors, by message and error.
    const errors = new Map<string, number>();
    for (const line of started.flatMap((service) => service.logs).filter((l) => Number(l["level"]) >= 50)) {
      const key = `${String(line["msg"])}${line["job"] ? ` (${String(line["job"])})` : ""}: ${String(line["error"] ?? "")}`.slice(0, 200);
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    const statuses = (status: string) => rows.filter((r) => r.status === status).length;
    return {
      instances: count, broadcast: identities.length, sentPerSecondWall, sentPerSecond, sentPerSecondBeforeKill, busiestSecond, duplicates, lostUnflagged,
      uncertain: statuses("uncertain"), failed: statuses("failed"), takeoverSeconds,
      chatMessages: [...sent.values()].reduce((n, m) => n + m.length, 0), chatsOutOfOrder, outOfOrder, chatAnswersRepeated, chatFailures,
      chatUnanswered: unanswered,
      replyP50Ms: percentile(latencies, 0.5), replyP95Ms: percentile(latencies, 0.95), replyMaxMs: latencies.at(-1) ?? null,
      scheduledRuns: Number(scheduled.runs), scheduledRetried: Number(scheduled.retried), scheduledTwice: Number(scheduled.twice),
      tooManyRequests: fake.tooMany, serviceErrors: Object.fromEntries([...errors].sort((a, b) => b[1] - a[1]).slice(0, 5)), seconds,
    };
  } finally {
    await Promise.all(instances.map((i) => (i.service.running() ? i.service.stop() : undefined)));
    await sql.end().catch(() => undefined);
    await store.close();
    await fake.close();
    await dbs.drop(database.name);
  }
}

const report = (name: string, s: Scale, o: RunOutcome, pass: boolean): BenchResult => ({
  bench: name, instances: o.instances, scale: s.full ? "full (issue: 4,000 units, 20,000 people)" : "reduced (--full for 4,000 units, 20,000 people)",
  units: s.units, people: s.people, chatters: s.chatters, broadcast: o.broadcast,
  limit_per_s: s.limit, sent_per_s: round(o.sentPerSecond, 1), share_of_limit: round(o.sentPerSecond / s.limit, 3), target_share: TARGET_SHARE,
  sent_per_s_before_kill: round(o.sentPerSecondBeforeKill, 1), sent_per_s_wall: round(o.sentPerSecondWall, 1), busiest_second: o.busiestSecond,
  duplicates: o.duplicates, lost_unflagged: o.lostUnflagged, uncertain: o.uncertain, failed: o.failed,
  takeover_s: o.takeoverSeconds === null ? null : round(o.takeoverSeconds, 1), takeover_target_s: TAKEOVER_TARGET_S,
  chat_messages: o.chatMessages, chats_out_of_order: o.chatsOutOfOrder, ...(o.outOfOrder && { out_of_order_example: o.outOfOrder }),
  chat_answers_repeated: o.chatAnswersRepeated, chat_failure_answers: o.chatFailures, chat_bursts_unanswered: o.chatUnanswered,
  reply_p50_ms: o.replyP50Ms, reply_p95_ms: o.replyP95Ms, reply_max_ms: o.replyMaxMs,
  scheduled_runs: o.scheduledRuns, scheduled_runs_twice: o.scheduledTwice, scheduled_runs_retried: o.scheduledRetried,
  too_many_requests: o.tooManyRequests, service_errors: o.serviceErrors, seconds: round(o.seconds, 1),
  note: "sent_per_s leaves out the seconds from the kill to the next sender's first message (takeover_s); reply times run from the webhook post "
    + "to the answer at the fake Bot API, which refuses nothing (busiest_second: the most broadcast messages it got in one second); scheduled_runs are pg-boss's "
    + "schedule-* jobs of the run (few or none: the jobs fire every 10 minutes at most)",
  pass,
});

export async function clusterBench(): Promise<BenchResult[]> {
  const s = scale();
  const serverUrl = process.env["BENCH_POSTGRES_URL"] ?? process.env["TEST_POSTGRES_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const dbs = databases(serverUrl);
  let template: { name: string; url: string };
  try {
    template = await dbs.create();
  } catch (error) {
    return [{ bench: "cluster", pass: true, skipped: `no PostgreSQL server at ${serverUrl} (${(error as Error).message}); set BENCH_POSTGRES_URL` }];
  }
  try {
    const store = await createStore(template.url);
    await seed(store, s).finally(() => store.close());
    const baseline = await run(serverUrl, template.name, 1, s);
    const cluster = await run(serverUrl, template.name, 2, s);
    const sound = (o: RunOutcome) => o.duplicates === 0 && o.lostUnflagged === 0 && o.chatsOutOfOrder === 0;
    return [
      // One instance: the kill stops everything until it is back; its numbers are the reference, not a target.
      report("cluster.baseline_one_instance", s, baseline, sound(baseline)),
      report("cluster.two_instances", s, cluster, sound(cluster) && cluster.sentPerSecond / s.limit >= TARGET_SHARE
      && cluster.takeoverSeconds !== null && cluster.takeoverSeconds < TAKEOVER_TARGET_S),
    ];
  } finally {
    await dbs.drop(template.name);
  }
}
