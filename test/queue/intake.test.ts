import type { PgBoss } from "pg-boss";
import { Registry } from "prom-client";
import { registerQueueGauges } from "../../src/http/queue-gauges.js";
import { readQueues } from "../../src/queue/readings.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { startBoss } from "../../src/queue/boss.js";
import { createBossIntake } from "../../src/queue/intake.js";
import { startBossScheduler, scheduledQueue } from "../../src/scheduler/pg-boss.js";
import { TIMEZONE } from "../../src/scheduler/index.js";
import { createStore } from "../../src/store/index.js";
import { BACKENDS } from "../helpers/databases.js";
import { eventually } from "../helpers/service.js";

const postgres = BACKENDS.find((b) => b.name === "postgres");
const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Two instances on one PostgreSQL database, each with its store and its pg-boss, as two service processes have. */
describe.skipIf(!postgres)("the job queue of several instances (pg-boss on PostgreSQL)", () => {
  const instances: { store: Store; boss: PgBoss }[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await postgres!.create();
    drop = db.drop;
    for (const name of ["a", "b"]) {
      const store = await createStore(db.url);
      instances.push({ store, boss: await startBoss(db.url, QUIET, { instance: name }) });
    }
  }, 60_000);
  afterAll(async () => {
    for (const { store, boss } of instances) {
      await boss.stop({ graceful: false, close: true });
      await store.close();
    }
    await drop();
  });

  it("handles every update once, in the order each chat sent them, whichever instance takes it", async () => {
    const handled: { chat: string; seq: number; by: string }[] = [];
    const intakes = instances.map(({ store, boss }) => createBossIntake({ boss, inbox: store.inbox, log: QUIET }));
    const chats = ["-1001", "42", "43", "44", "45"];
    const perChat = 8;
    // Each update is accepted by either instance (a load balancer in front of the webhook), in the chat's order.
    for (let seq = 0; seq < perChat; seq += 1) {
      for (const [c, chat] of chats.entries()) {
        const intake = intakes[(seq + c) % 2]!;
        const id = `${chat}:${seq}`;
        expect(await intake.accept("telegram", id, JSON.stringify({ chat, seq }), chat, new Date())).toBe("new");
      }
    }
    // Telegram sending one again (it got no answer in time) queues nothing more.
    expect(await intakes[1]!.accept("telegram", "42:0", JSON.stringify({ chat: "42", seq: 0 }), "42", new Date())).toBe("unfinished");
    for (const [i, intake] of intakes.entries()) {
      await intake.serve("telegram", async (payload) => {
        const { chat, seq } = JSON.parse(payload) as { chat: string; seq: number };
        // Uneven handling times: a chat's later update would overtake an earlier one if order were not kept.
        await new Promise((r) => setTimeout(r, (seq * 7 + Number(chat.slice(-1)) * 13) % 40));
        handled.push({ chat, seq, by: i === 0 ? "a" : "b" });
        await instances[i]!.store.inbox.done("telegram", `${chat}:${seq}`, new Date());
      });
    }
    await eventually(() => (handled.length >= chats.length * perChat ? true : undefined), "every update to be handled", 60_000);
    for (const chat of chats) {
      expect(handled.filter((h) => h.chat === chat).map((h) => h.seq)).toEqual([...Array(perChat).keys()]);
    }
    // Both instances did some of the work.
    expect(new Set(handled.map((h) => h.by))).toEqual(new Set(["a", "b"]));
    for (const intake of intakes) await intake.stop();
  }, 90_000);

  it("keeps a schedule in Asia/Ho_Chi_Minh once for all instances, and runs each fire on one instance only", async () => {
    const runs: string[] = [];
    const job = (by: string) => ({ name: "reminders", cron: "*/10 * * * *", run: async () => void runs.push(by) });
    const schedulers = await Promise.all(instances.map(({ boss }, i) => startBossScheduler({ boss, jobs: [job(i === 0 ? "a" : "b")], log: QUIET, now: () => new Date() })));
    const schedules = await instances[0]!.boss.getSchedules(scheduledQueue({ name: "reminders" }));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]).toMatchObject({ cron: "*/10 * * * *", timezone: TIMEZONE });
    // A fire, as pg-boss's cron pass makes it (once, whichever instance's pass gets there first).
    await instances[1]!.boss.send(scheduledQueue({ name: "reminders" }), {});
    await eventually(() => (runs.length > 0 ? true : undefined), "the run", 30_000);
    // Both instances poll the queue; a second run of the same fire would show up within a few polls.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(runs).toHaveLength(1);
    // An instance started without a channel's settings runs fewer jobs; it must not take the others' schedules away.
    const fewer = await startBossScheduler({ boss: instances[1]!.boss, jobs: [{ name: "retention", cron: "15 3 * * *", run: async () => undefined }], log: QUIET, now: () => new Date() });
    expect((await instances[0]!.boss.getSchedules()).map((s) => s.name).sort()).toEqual(["schedule-reminders", "schedule-retention"]);
    await fewer.stop();
    for (const s of schedulers) await s.stop();
  }, 60_000);

  it("shows each queue's waiting, active and oldest waiting age as gauges, the outbox's too", async () => {
    const { store, boss } = instances[0]!;
    const intake = createBossIntake({ boss, inbox: store.inbox, log: QUIET });
    // Nobody serves Zalo here: its updates wait.
    await intake.accept("zalo", "gauge-1", "{}", "u1", new Date());
    await intake.accept("zalo", "gauge-2", "{}", "u2", new Date());
    const registry = new Registry();
    registerQueueGauges(registry, () => readQueues({ outbox: store.outbox, boss, now: () => new Date() }));
    const text = await registry.metrics();
    expect(text).toContain("dti_queue_waiting{queue=\"updates-zalo\"} 2");
    expect(text).toContain("dti_queue_waiting{queue=\"outbox\"} 0");
    expect(text).toMatch(/dti_queue_oldest_waiting_seconds\{queue="updates-zalo"\} [\d.]+/);
    expect(text).toContain("dti_queue_active{queue=\"schedule-reminders\"} 0");
    expect(text).not.toContain("__pgboss");
  });

  it("gives up an update that keeps failing for a reason of ours after its retries, so the chat's next update is handled", async () => {
    const { store, boss } = instances[1]!;
    const intake = createBossIntake({ boss, inbox: store.inbox, log: QUIET, retries: { retryLimit: 1, retryDelay: 1, retryBackoff: true } });
    await intake.accept("stuck", "bad", JSON.stringify({ ok: false }), "77", new Date());
    await intake.accept("stuck", "good", JSON.stringify({ ok: true }), "77", new Date());
    const handled: string[] = [];
    let tries = 0;
    await intake.serve("stuck", async (payload) => {
      if (!(JSON.parse(payload) as { ok: boolean }).ok) {
        tries += 1;
        throw new Error("the database did not answer");
      }
      handled.push("good");
    });
    await eventually(() => (handled.length === 1 ? true : undefined), "the next update of the chat", 60_000);
    expect(tries).toBe(2);
    expect(await store.inbox.begin("stuck", "bad", "{}", new Date())).toBe("done");
    await intake.stop();
  }, 90_000);
});
