import { PassThrough } from "node:stream";
import type { OutboxInput } from "../../src/bot/ports/delivery.js";
import type { Store } from "../../src/bot/ports/store.js";
import { text } from "../../src/bot/reply.js";
import { createConsoleSender } from "../../src/channels/console/sender.js";
import { createTelegramSender } from "../../src/channels/telegram/sender.js";
import { createDeliveryWorker, type DeliveryWorker } from "../../src/delivery/worker.js";
import { TELEGRAM_LIMITS, type DeliveryLimits } from "../../src/delivery/limiter.js";
import { createI18n } from "../../src/i18n/index.js";
import { QUIET } from "./chat.js";

export const DELIVERY_TOKEN = "555000:DELIVERY-TESTS-TOKEN-FOR-THE-FAKE-API";

/** Telegram people with private chats 7000…, ready to receive pushes. */
export async function recipients(store: Store, count: number, first = 7000): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const chat = String(first + i);
    ids.push((await store.identities.touch("telegram", chat, new Date(), { chatId: chat })).id);
  }
  return ids;
}

/** A message whose text carries its own key, so the fake's log says which message arrived. */
export const push = (key: string, identityId: number, body = key): OutboxInput => ({
  key, identityId, kind: "notice", reply: { lines: [text(body)] }, notBefore: new Date(0),
});

export function telegramWorker(
  store: Store, apiRoot: string, options: { limits?: DeliveryLimits; instanceId?: string; leaseMs?: number } = {},
): DeliveryWorker {
  return createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, coordination: store.coordination,
    senders: new Map([["telegram", createTelegramSender({ token: DELIVERY_TOKEN, apiRoot, i18n: createI18n() })]]),
    limits: new Map([["telegram", options.limits ?? TELEGRAM_LIMITS]]), now: () => new Date(), log: QUIET,
    instanceId: options.instanceId ?? "test-worker", idleMs: 50, leaseMs: options.leaseMs ?? 2_000,
  });
}

/** Run the worker until nothing is pending or inflight, then stop it. */
export async function drain(store: Store, worker: DeliveryWorker, timeoutMs = 60_000): Promise<void> {
  const running = worker.run();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { byStatus } = await store.outbox.stats({ problems: 0 });
    if (byStatus.pending === 0 && byStatus.inflight === 0) break;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(byStatus)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.stop();
  await running;
}

/** Deliver everything queued for console identities with the real console sender; returns what it printed. */
export async function deliverToConsole(store: Store, now: () => Date = () => new Date("2100-01-01T00:00:00Z")): Promise<string> {
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => {
    printed += chunk.toString("utf8");
  });
  const worker = createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, coordination: store.coordination,
    senders: new Map([["console", createConsoleSender({ i18n: createI18n(), output })]]),
    limits: new Map([["console", { globalPerSecond: 1000, chatPerSecond: 1000, groupPerMinute: 1000 }]]), now, log: QUIET,
    // Every push is due: the test's clock is whatever the fixture says, not the wall clock.
    instanceId: "console-test", idleMs: 20, leaseMs: 2_000,
  });
  await drain(store, worker);
  return printed;
}
