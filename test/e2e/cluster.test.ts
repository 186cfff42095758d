import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { createStore } from "../../src/store/index.js";
import { BACKENDS } from "../helpers/databases.js";
import { kindOfAnswer, MESSAGES, privateMessage } from "../helpers/distinct-messages.js";
import { push, recipients } from "../helpers/delivery.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { freePort } from "../helpers/telegram-emulator.js";

const TOKEN = "515151:CLUSTER-TEST-TOKEN-FOR-THE-FAKE-API";
const SECRET = "cluster-test-webhook-secret-0123456789";
const postgres = BACKENDS.find((b) => b.name === "postgres");

interface Instance {
  readonly name: string;
  service: RunningService;
}

/**
 * Two instances of the real service (child processes, as `npm start` runs
 * them) on one PostgreSQL database in webhook mode, against one fake Bot API
 * that tells their requests apart. What a deployment behind a load balancer
 * sees: updates of a chat land on either instance, one instance sends the
 * queue, and either may die at any moment.
 */
describe.skipIf(!postgres)("two instances on one PostgreSQL database", () => {
  let fake: FakeTelegram;
  let database: { url: string; drop: () => Promise<void> };
  let store: Store;
  let sql: pg.Client;
  const cluster: Instance[] = [];
  let nextUpdate = 1;

  const start = async (name: string): Promise<RunningService> => {
    const port = await freePort();
    return startService({
      DATABASE_URL: database.url, INSTANCE_ID: name, HTTP_PORT: String(port), TELEGRAM_BOT_TOKEN: TOKEN,
      // One fake, a path of its own per instance: the fake records which instance sent each message.
      TELEGRAM_API_ROOT: `${fake.apiRoot}/${name}`,
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: SECRET,
      CHAT_RATE_LIMIT: "100", DELIVERY_GLOBAL_PER_SECOND: "10", SHUTDOWN_TIMEOUT_SECONDS: "10",
    }, "telegram: webhook set");
  };
  const named = (name: string) => cluster.find((i) => i.name === name)!;
  const other = (instance: Instance) => cluster.find((i) => i !== instance)!;

  /** A private message from `chat`, as Telegram posts it to the webhook. */
  const update = (chat: number, text: string) => privateMessage(nextUpdate++, chat, text, "Cán bộ");
  /** Post to an instance's webhook; its 200 means the update is recorded and queued. */
  const post = async (instance: Instance, body: ReturnType<typeof update>) => {
    const response = await fetch(`${instance.service.url}/telegram/webhook`, {
      method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };
  const answersTo = (chat: number) => fake.received.filter((r) => r.chatId === String(chat));
  const delivery = async (instance: Instance) => {
    const { body } = await instance.service.get("/readyz");
    return (body as { checks: Record<string, { status: string }> }).checks["delivery"]?.status ?? "";
  };
  /** The instance that sends and the one that stands by, once the sender lock has settled. */
  const roles = () => eventually(async () => {
    const states = await Promise.all(cluster.map(delivery));
    const sending = states.filter((s) => s === "sending").length;
    const standing = states.filter((s) => s.startsWith("standing by")).length;
    return sending === 1 && standing === 1 ? { sender: cluster[states.indexOf("sending")]!, states } : undefined;
  }, "one instance sending and the other standing by", 30_000);
  /** Telegram updates an instance has finished with, by outcome. */
  const handled = async (instance: Instance) => {
    const text = String((await instance.service.get("/metrics")).body);
    return Object.fromEntries([...text.matchAll(/^dti_updates_total\{channel="telegram",outcome="(\w+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
  };
  /** Jobs of the update queue not yet completed (pg-boss's own table). */
  const unfinishedJobs = async () => (await sql.query<{ key: string; externalId: string; state: string }>(
    `SELECT singleton_key AS key, data->>'externalId' AS "externalId", state FROM pgboss.job
     WHERE name = 'updates-telegram' AND state <> 'completed' ORDER BY created_on`,
  )).rows;

  beforeAll(async () => {
    fake = await startFakeTelegram({ globalPerSecond: 1000, chatPerSecond: 1000, groupPerMinute: 1000 });
    database = await postgres!.create();
    // Migrated here, once, before both instances start; the test also queues messages through the store.
    store = await createStore(database.url);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const [a, b] = await Promise.all([start("A"), start("B")]);
    cluster.push({ name: "A", service: a }, { name: "B", service: b });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(cluster.map((i) => (i.service.running() ? i.service.stop() : undefined)));
    await sql?.end();
    await store?.close();
    await fake?.close();
    await database?.drop();
  }, 60_000);

  it("one instance sends the queue and the other stands by", async () => {
    const { states } = await roles();
    expect(states.sort()).toEqual(["sending", "standing by: another instance holds the sender lock and sends (taken over within seconds if it is gone)"]);
    // Standing by is ready: a load balancer sends updates to both.
    expect((await Promise.all(cluster.map((i) => i.service.get("/readyz")))).map((r) => r.status)).toEqual([200, 200]);
  });

  it("answers each update once, in the order sent within each chat, whichever instance the updates were posted to", async () => {
    const chats = Array.from({ length: 10 }, (_, i) => 8100 + i);
    const before = await Promise.all(cluster.map(handled));
    // Each chat sends the six messages in an order of its own (a rotation), alternately to A and to B,
    // each after the one before was taken; the chats all at once.
    const sent = new Map<number, number[]>();
    await Promise.all(chats.map(async (chat, c) => {
      const order = MESSAGES.map((_, j) => (j + c) % MESSAGES.length);
      sent.set(chat, order);
      for (const [j, m] of order.entries()) await post(cluster[(j + c) % 2]!, update(chat, MESSAGES[m]!.text));
    }));
    // Everything recorded has been handled and its job completed: no answer is still on its way.
    await eventually(async () => {
      const open = await sql.query(`SELECT 1 FROM "InboundUpdate" WHERE "processedAt" IS NULL`);
      return open.rowCount === 0 && (await unfinishedJobs()).length === 0 ? true : undefined;
    }, "every update to be handled", 90_000);
    for (const chat of chats) {
      const answers = answersTo(chat).map((r) => kindOfAnswer(r.text));
      expect({ chat, answers }).toEqual({ chat, answers: sent.get(chat) });
    }
    // The inbox says the same: each handled once, without an error, one after the other in the order received.
    const rows = (await sql.query<{ chat: string; processedAt: Date; attempts: number; error: string | null }>(
      `SELECT payload::json->'message'->'chat'->>'id' AS chat, "processedAt", attempts, error FROM "InboundUpdate"
       WHERE channel = 'telegram' AND (payload::json->'message'->'chat'->>'id')::int BETWEEN 8100 AND 8109 ORDER BY id`,
    )).rows;
    expect(rows).toHaveLength(chats.length * MESSAGES.length);
    expect(rows.filter((r) => r.attempts !== 1 || r.error !== null)).toEqual([]);
    for (const chat of chats) {
      const times = rows.filter((r) => r.chat === String(chat)).map((r) => r.processedAt.getTime());
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(new Set(times).size).toBe(times.length);
    }
    const after = await Promise.all(cluster.map(handled));
    const delta = (outcome: string) => after.reduce((sum, counts, i) => sum + (counts[outcome] ?? 0) - (before[i]![outcome] ?? 0), 0);
    expect({ ok: delta("ok"), error: delta("error"), duplicate: delta("duplicate") }).toEqual({ ok: chats.length * MESSAGES.length, error: 0, duplicate: 0 });
  }, 120_000);

  it("when the sending instance is killed (kill -9) mid-broadcast, the other takes over: each message sent once or flagged uncertain, none lost", async () => {
    const people = 60;
    const ids = await recipients(store, people, 8200);
    const { sender } = await roles();
    const survivor = other(sender);
    // Slow answers from the Bot API: several messages are on their way when the sender dies.
    fake.delayMs = 300;
    await store.outbox.enqueue(ids.map((identityId, i) => push(`cluster-broadcast:${i}`, identityId)));
    const isOurs = (text: string) => text.startsWith("cluster-broadcast:");
    await eventually(() => (fake.received.filter((r) => isOurs(r.text)).length >= 10 ? true : undefined), "the broadcast to be under way", 60_000);
    await sender.service.kill();
    fake.delayMs = 0;
    await eventually(async () => ((await delivery(survivor)) === "sending" ? true : undefined), "the other instance to take over sending", 30_000);
    await eventually(async () => {
      const { byStatus } = await store.outbox.stats({ problems: 0 });
      return byStatus.pending === 0 && byStatus.inflight === 0 ? true : undefined;
    }, "the broadcast to settle", 90_000);

    const rows = (await sql.query<{ key: string; status: string; lastError: string | null }>(
      `SELECT key, status, "lastError" FROM "OutboxMessage" WHERE key LIKE 'cluster-broadcast:%'`,
    )).rows;
    expect(rows).toHaveLength(people);
    const arrived = new Map<string, number>();
    for (const r of fake.received.filter((m) => isOurs(m.text))) arrived.set(r.text, (arrived.get(r.text) ?? 0) + 1);
    // Never twice; sent means it arrived; what did not arrive is flagged for an operator, not lost.
    expect([...arrived].filter(([, n]) => n > 1)).toEqual([]);
    expect(rows.filter((r) => r.status === "sent" && arrived.get(r.key) !== 1)).toEqual([]);
    expect(rows.filter((r) => !arrived.has(r.key) && r.status !== "uncertain")).toEqual([]);
    expect(rows.filter((r) => r.status !== "sent" && r.status !== "uncertain")).toEqual([]);
    expect(rows.filter((r) => r.status === "uncertain" && r.lastError !== "the sending process stopped while this message was on its way")).toEqual([]);
    // Both sent part of it: the dead one before, the survivor after.
    const via = new Set(fake.received.filter((m) => isOurs(m.text)).map((m) => m.via));
    expect([...via].sort()).toEqual(["A", "B"]);

    // Back again, the killed instance stands by: the survivor keeps the lock.
    sender.service = await start(sender.name);
    expect((await roles()).sender).toBe(survivor);
  }, 180_000);

  it("an update whose handler was killed is handled by the other instance, and the chat's later updates wait behind it", async () => {
    const chat = 8300;
    const [first, second, third] = [MESSAGES[1], MESSAGES[2], MESSAGES[3]].map((m) => update(chat, m.text));
    // The bot's answer to the first update is held by the Bot API: its handler stays in the middle of its work.
    fake.hold(String(chat));
    await post(cluster[0]!, first!);
    const holder = named(await eventually(() => fake.held(String(chat))[0], "the first update's answer to be on its way", 30_000));
    const survivor = other(holder);
    // The chat's next updates, one to each instance, while the first is in hand: both wait behind it.
    await post(survivor, second!);
    await post(holder, third!);
    expect(await unfinishedJobs()).toEqual([
      { key: String(chat), externalId: String(first!.update_id), state: "active" },
      { key: String(chat), externalId: String(second!.update_id), state: "created" },
      { key: String(chat), externalId: String(third!.update_id), state: "created" },
    ]);
    expect(answersTo(chat)).toEqual([]);

    await holder.service.kill();
    fake.release(String(chat));
    // pg-boss notices the dead handler when its heartbeat stops, and the first update is handled again elsewhere.
    await eventually(() => (answersTo(chat).length >= 3 ? true : undefined), "the three updates to be answered", 90_000);
    await eventually(async () => ((await unfinishedJobs()).length === 0 ? true : undefined), "the update queue to empty", 30_000);
    const answers = answersTo(chat);
    expect(answers.map((a) => kindOfAnswer(a.text))).toEqual([1, 2, 3]);
    expect(answers.map((a) => a.via)).toEqual([survivor.name, survivor.name, survivor.name]);
    const attempts = (await sql.query<{ externalId: string; attempts: number; error: string | null }>(
      `SELECT "externalId", attempts, error FROM "InboundUpdate" WHERE "externalId" = ANY($1) ORDER BY id`,
      [[first, second, third].map((u) => String(u!.update_id))],
    )).rows;
    expect(attempts).toEqual([
      { externalId: String(first!.update_id), attempts: 2, error: null },
      { externalId: String(second!.update_id), attempts: 1, error: null },
      { externalId: String(third!.update_id), attempts: 1, error: null },
    ]);

    holder.service = await start(holder.name);
    expect((await roles()).sender).toBe(survivor);
  }, 180_000);
});
