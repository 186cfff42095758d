import { afterEach, describe, expect, it } from "vitest";
import { text } from "../../src/bot/reply.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const TOKEN = "434343:FAULT-SUITE-DELIVERY-TOKEN-EMULATOR";
const PEOPLE = 40;

describe("a broadcast when the sending process is killed (kill -9) and restarted under the same INSTANCE_ID", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    await emulator?.close();
  });

  it("sends each message at most once, flags what was on its way as uncertain, leaves nothing 'sending', and an operator can send those again", async () => {
    emulator = await startTelegramEmulator();
    const databaseUrl = tempDatabaseUrl();
    const store = await createStore(databaseUrl);
    try {
      const chats = Array.from({ length: PEOPLE }, (_, i) => 9300 + i);
      const ids: number[] = [];
      for (const chat of chats) ids.push((await store.identities.touch("telegram", String(chat), new Date(), { chatId: String(chat) })).id);
      const env = {
        DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, INSTANCE_ID: "so-khcn-1", DELIVERY_CHAT_PER_SECOND: "10",
      };
      service = await startService(env);
      // Slow sends: several messages are on their way when the process dies.
      emulator.faults.sendDelayMs = 400;
      await store.outbox.enqueue(ids.map((identityId, i) => ({
        key: `broadcast:1:${i}`, identityId, kind: "broadcast" as const, reply: { lines: [text(`Thông báo số ${i}`)] }, notBefore: new Date(0),
      })));
      const sentSoFar = () => chats.reduce((n, chat) => n + emulator!.sentTo(chat).length, 0);
      await eventually(() => (sentSoFar() >= 5 ? true : undefined), "some messages to go out");
      await service.kill();
      const left = await store.outbox.stats({ problems: 0 });
      expect(left.byStatus.inflight).toBeGreaterThan(0);
      emulator.faults.sendDelayMs = 0;
      service = await startService(env);
      const settled = await eventually(async () => {
        const stats = await store.outbox.stats({ problems: PEOPLE });
        return stats.byStatus.pending === 0 && stats.byStatus.inflight === 0 ? stats : undefined;
      }, "the queue to settle after the restart", 30_000);
      expect(settled.byStatus.sent + settled.byStatus.uncertain).toBe(PEOPLE);
      expect(settled.byStatus.uncertain).toBeGreaterThan(0);
      expect(settled.problems.every((p) => p.error === "the sending process stopped while this message was on its way")).toBe(true);
      // Nobody got the same announcement twice.
      for (const chat of chats) expect(emulator.sentTo(chat).length).toBeLessThanOrEqual(1);
      // The operator decides to send the uncertain ones again (dti queue retry): they go.
      expect(await store.outbox.requeue(settled.problems.map((p) => p.id), new Date())).toBe(settled.byStatus.uncertain);
      await eventually(async () => ((await store.outbox.stats({ problems: 0 })).byStatus.sent === PEOPLE ? true : undefined), "the retried messages to go");
      expect(await service.stop()).toBe(0);
    } finally {
      await store.close();
    }
  }, 90_000);
});
