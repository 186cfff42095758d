import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { text } from "../../src/bot/reply.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { drain, limitBreaches, push, recipients, telegramWorker, type SendLog } from "../helpers/delivery.js";
import { startFakeTelegram, type FakeTelegram } from "../helpers/fake-telegram.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LIMITS = { globalPerSecond: 40, chatPerSecond: 1, groupPerMinute: 20 };

describe("delivery worker against a fake Bot API that enforces the limits", () => {
  let store: Store;
  let fake: FakeTelegram;
  beforeEach(async () => {
    store = await createStore(tempDatabaseUrl());
    fake = await startFakeTelegram(LIMITS);
  });
  afterEach(async () => {
    await fake.close();
    await store.close();
  });

  const deliveredKeys = () => fake.received.map((r) => r.text);

  it("sends every message once, in order per chat, within the limits, and honours retry_after", async () => {
    const people = await recipients(store, 30);
    // Three messages each to 30 people; and one injected 429 the worker must sit out.
    const messages = people.flatMap((id, i) => [1, 2, 3].map((n) => push(`m-${i}-${n}`, id)));
    expect(await store.outbox.enqueue(messages)).toBe(90);
    expect(await store.outbox.enqueue(messages)).toBe(0);
    fake.failNext("7003", 1, "429");
    const log: SendLog = { starts: [], limited: [] };
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS, log }));
    expect(deliveredKeys().sort()).toEqual(messages.map((m) => m.key).sort());
    // Checked as the worker sent them: on a busy machine requests may still bunch on their way, and Telegram
    // then answers 429, which the worker sits out like any other.
    expect(log.limited.length).toBeGreaterThanOrEqual(1);
    expect(limitBreaches(log, LIMITS)).toEqual([]);
    for (let i = 0; i < 30; i += 1) {
      expect(fake.received.filter((r) => r.chatId === String(7000 + i)).map((r) => r.text)).toEqual([`m-${i}-1`, `m-${i}-2`, `m-${i}-3`]);
    }
    expect((await store.outbox.stats()).byStatus).toMatchObject({ sent: 90, pending: 0, failed: 0, uncertain: 0 });
  });

  it("holds every request during an announced retry_after, also those being prepared when it came back", async () => {
    const people = await recipients(store, 8, 7800);
    await store.outbox.enqueue(people.map((id, i) => push(`r-${i}`, id)));
    // The 429 takes a while to come back; meanwhile the other messages are prepared (slowly) and claimed.
    fake.delayMs = 100;
    fake.failNext("7800", 1, "429");
    const log: SendLog = { starts: [], limited: [] };
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS, log, prepareDelayMs: (chat) => (chat === "7800" ? 0 : 200) }));
    expect(log.limited).toHaveLength(1);
    expect(limitBreaches(log, LIMITS)).toEqual([]);
    expect(deliveredKeys().sort()).toEqual(people.map((_, i) => `r-${i}`).sort());
  });

  it("stops for good at a person who blocked the bot, marks them unreachable, and carries on with the others", async () => {
    const [blocked, other] = await recipients(store, 2, 7100);
    fake.blocked.add("7100");
    await store.outbox.enqueue([push("b-1", blocked!), push("b-2", blocked!), push("o-1", other!)]);
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS }));
    expect(deliveredKeys()).toEqual(["o-1"]);
    const identity = await store.identities.find("telegram", "7100");
    expect(identity).toMatchObject({ reachable: false, unreachableReason: "403 Forbidden: bot was blocked by the user" });
    const stats = await store.outbox.stats();
    expect(stats.byStatus).toMatchObject({ sent: 1, failed: 2 });
    expect(stats.problems.map((p) => p.error)).toEqual(["403 Forbidden: bot was blocked by the user", "403 Forbidden: bot was blocked by the user"]);
  });

  it("retries a server error with backoff and resumes a long message after the parts that went", async () => {
    const [person] = await recipients(store, 1, 7200);
    const lines = Array.from({ length: 300 }, (_, i) => text(`Dòng ${i + 1}: đơn vị thứ ${i + 1} trong danh sách kết quả`));
    await store.outbox.enqueue([{ key: "long", identityId: person!, kind: "report", reply: { lines }, notBefore: new Date(0) }]);
    // The first part goes, the second fails once with a 500: the retry must start at part two.
    fake.failNext("7200", 1, "ok");
    fake.failNext("7200", 1, "500");
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS }));
    const sends = fake.received;
    const texts = sends.map((r) => r.text);
    expect(texts.length).toBeGreaterThan(1);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.join("\n").split("\n")).toHaveLength(300);
    expect((await store.outbox.stats()).byStatus.sent).toBe(1);
  });

  it("does not send again a message whose connection broke after the platform took it", async () => {
    const [person] = await recipients(store, 1, 7300);
    fake.failNext("7300", 1, "cut");
    await store.outbox.enqueue([push("cut-1", person!), push("cut-2", person!)]);
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS }));
    expect(deliveredKeys()).toEqual(["cut-1", "cut-2"]);
    const stats = await store.outbox.stats();
    expect(stats.byStatus).toMatchObject({ sent: 1, uncertain: 1 });
    // An operator may decide to send it again.
    expect(await store.outbox.requeue([stats.problems[0]!.id], new Date())).toBe(1);
  });

  it("keeps order in a chat when a slow send fails and is retried", async () => {
    const [person] = await recipients(store, 1, 7500);
    fake.delayMs = 300;
    fake.failNext("7500", 1, "500");
    await store.outbox.enqueue([push("o-a", person!), push("o-b", person!), push("o-c", person!)]);
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS }));
    expect(deliveredKeys()).toEqual(["o-a", "o-b", "o-c"]);
  });

  it("keeps the sender lock while calls are slow, so a second worker never sends alongside", async () => {
    const people = await recipients(store, 6, 7600);
    fake.delayMs = 700;
    await store.outbox.enqueue(people.flatMap((id, i) => [push(`s-${i}-a`, id), push(`s-${i}-b`, id)]));
    const first = telegramWorker(store, fake.apiRoot, { limits: LIMITS, instanceId: "slow-a" });
    const second = telegramWorker(store, fake.apiRoot, { limits: LIMITS, instanceId: "slow-b" });
    const firstRun = first.run();
    await new Promise((r) => setTimeout(r, 100));
    await drain(store, second);
    await first.stop();
    await firstRun;
    const texts = deliveredKeys();
    expect([...texts].sort()).toEqual(people.flatMap((_, i) => [`s-${i}-a`, `s-${i}-b`]).sort());
    for (let i = 0; i < 6; i += 1) expect(texts.indexOf(`s-${i}-a`)).toBeLessThan(texts.indexOf(`s-${i}-b`));
    expect((await store.outbox.stats()).byStatus).toMatchObject({ sent: 12, uncertain: 0 });
  });

  it("fails a message it cannot prepare (its file is gone) without marking anything uncertain", async () => {
    const [person] = await recipients(store, 1, 7700);
    await store.outbox.enqueue([{
      key: "no-file", identityId: person!, kind: "publication", notBefore: new Date(0),
      reply: { lines: [], attachment: { kind: "photo", filename: "x.png", fileId: 999_999 } },
    }]);
    await drain(store, telegramWorker(store, fake.apiRoot, { limits: LIMITS }));
    const stats = await store.outbox.stats();
    expect(stats.byStatus).toMatchObject({ failed: 1, uncertain: 0 });
    expect(stats.problems[0]!.error).toBe("attachment file 999999 is missing");
    expect(fake.received).toEqual([]);
  });

  it("lets one worker send at a time: a second stands by while the sender lock is held, and sends once it is free", async () => {
    const people = await recipients(store, 10, 7400);
    await store.outbox.enqueue(people.map((id, i) => push(`l-${i}`, id)));
    const holder = await store.locks.tryHold("delivery-sender");
    expect(holder).not.toBeNull();
    const second = telegramWorker(store, fake.apiRoot, { limits: LIMITS, instanceId: "b" });
    const secondRun = second.run();
    await new Promise((r) => setTimeout(r, 300));
    expect(second.status().state).toBe("standby");
    expect(fake.received).toHaveLength(0);
    await holder!.release();
    for (let i = 0; i < 1200 && (await store.outbox.stats({ problems: 0 })).byStatus.sent < people.length; i += 1) await new Promise((r) => setTimeout(r, 50));
    await second.stop();
    await secondRun;
    expect(deliveredKeys().sort()).toEqual(people.map((_, i) => `l-${i}`).sort());
  });
  it("stands by again, and says it is ready, once the database answers after an outage, while another instance sends", async () => {
    // Another instance holds the lock; this one's first tries for it meet a database that does not answer.
    let outage = 2;
    const locks = {
      ...store.locks,
      tryHold: async () => {
        if (outage > 0) {
          outage -= 1;
          throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
        }
        return null;
      },
    };
    const standby = telegramWorker(store, fake.apiRoot, { limits: LIMITS, instanceId: "standby", locks });
    const running = standby.run();
    const states: string[] = [];
    for (let i = 0; i < 400 && !(outage === 0 && states.at(-1) === "standby"); i += 1) {
      const state = standby.status().state;
      if (states.at(-1) !== state) states.push(state);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(states).toContain("failing");
    expect(states.at(-1)).toBe("standby");
    await standby.stop();
    await running;
  });
});

describe("delivery worker killed at random points", () => {
  it("never sends a message twice, and flags rather than loses what was on its way", async () => {
    const databaseUrl = tempDatabaseUrl();
    const store = await createStore(databaseUrl);
    const limits = { globalPerSecond: 100, chatPerSecond: 1, groupPerMinute: 20 };
    const fake = await startFakeTelegram(limits);
    try {
      const people = await recipients(store, 100, 8000);
      const keys = people.flatMap((id, i) => [push(`k-${i}-a`, id), push(`k-${i}-b`, id)]);
      await store.outbox.enqueue(keys);
      // A seeded sequence of kill points, so a failure can be replayed.
      let seed = 20_261_122;
      const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      let kills = 0;
      for (let round = 0; round < 5; round += 1) {
        const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/delivery-process.ts"], {
          cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, API_ROOT: fake.apiRoot, LIMITS: JSON.stringify(limits) }, stdio: "ignore",
        });
        const exited = once(child, "exit");
        const last = round === 4;
        const target = fake.received.length + 5 + Math.floor(random() * 40);
        const outcome = await Promise.race([
          exited.then(() => "done" as const),
          (async () => {
            while (!last && fake.received.length < target) await new Promise((r) => setTimeout(r, 1));
            return "kill" as const;
          })(),
        ]);
        if (outcome === "kill" && !last) {
          child.kill("SIGKILL");
          kills += 1;
        }
        await exited;
        if (outcome === "done") break;
      }
      const counts = new Map<string, number>();
      for (const r of fake.received) counts.set(r.text, (counts.get(r.text) ?? 0) + 1);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const stats = await store.outbox.stats({ problems: 1_000 });
      expect(stats.byStatus).toMatchObject({ pending: 0, inflight: 0, failed: 0 });
      expect(stats.byStatus.sent + stats.byStatus.uncertain).toBe(200);
      // At most what each killed worker had on its way (8 messages at once by default).
      expect(stats.byStatus.uncertain).toBeLessThanOrEqual(kills * 8);
      // Every message marked sent arrived; the only ones that may not have are flagged for an operator.
      expect(counts.size).toBeGreaterThanOrEqual(stats.byStatus.sent);
      expect(kills).toBeGreaterThan(0);
    } finally {
      await fake.close();
      await store.close();
    }
  }, 180_000);
});
