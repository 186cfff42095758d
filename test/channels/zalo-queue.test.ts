import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBoss } from "../../src/queue/boss.js";
import { createBossIntake } from "../../src/queue/intake.js";
import { chatFixture, QUIET, type ChatFixture } from "../helpers/chat.js";
import { BACKENDS } from "../helpers/databases.js";
import { zaloUserId } from "../helpers/drivers.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo.js";
import { eventually } from "../helpers/service.js";
import { zaloWebhookServer, type ZaloWebhookServer } from "../helpers/zalo-server.js";

const postgres = BACKENDS.find((b) => b.name === "postgres");

/** Zalo on PostgreSQL: the webhook records and queues each event; the queue hands them, in order per person, to the channel. */
describe.skipIf(!postgres)("Zalo OA events through the intake queue (pg-boss on PostgreSQL)", () => {
  let fixture: ChatFixture;
  let fake: FakeZalo;
  let server: ZaloWebhookServer;
  let boss: PgBoss;
  let drop: () => Promise<void>;
  const textsTo = (userId: string) => fake.sent.filter((m) => m.userId === userId).map((m) => m.text ?? "");

  beforeAll(async () => {
    const db = await postgres!.create();
    drop = db.drop;
    fixture = await chatFixture({ databaseUrl: db.url });
    fake = await startFakeZalo({ now: () => fixture.clock.now });
    boss = await startBoss(db.url, QUIET, { instance: "zalo-test" });
    const intake = createBossIntake({ boss, inbox: fixture.store.inbox, log: QUIET });
    server = await zaloWebhookServer(fixture, fake, fixture.core, { intake });
    // At start the channel takes queued events (what recover() does with an intake).
    await server.channel.recover();
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await boss.stop({ graceful: false, close: true });
    await fake.close();
    await fixture.close();
    await drop();
  });

  it("answers every event of a person once, in the order they were sent", async () => {
    const userId = zaloUserId("7501");
    fake.addUser({ id: userId, name: "Lê Văn Hàng Đợi", follower: true });
    const code = await fixture.invite("officer", "S19");
    await fake.deliver(server.hook, { kind: "text", userId, text: code });
    // Bound: a greeting and the list of commands.
    await eventually(() => (textsTo(userId).length >= 2 ? true : undefined), "the greeting", 30_000);
    const asks = ["/ngonngu en", "/ngonngu vi", "/ngonngu en", "/ngonngu vi"];
    for (const text of asks) {
      const response = await fake.deliver(server.hook, { kind: "text", userId, text });
      expect(response.status).toBe(200);
    }
    await eventually(() => (textsTo(userId).length >= 2 + asks.length ? true : undefined), "every event to be answered", 30_000);
    const texts = textsTo(userId);
    expect(texts[0]).toMatch(/gắn thành công/);
    // Each switch is answered in the language it switches to, in the order sent.
    expect(texts).toHaveLength(2 + asks.length);
    expect(texts.slice(2).map((t) => (/Tiếng Việt/.test(t) ? "vi" : /English/.test(t) ? "en" : t))).toEqual(["en", "vi", "en", "vi"]);
    // Each event is marked done just after its answer went out.
    await eventually(async () => ((await fixture.store.inbox.unhandled("zalo")).length === 0 ? true : undefined), "every event marked done", 30_000);
  }, 60_000);
});
