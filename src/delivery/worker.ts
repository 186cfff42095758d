import type { OutboxRecord, OutboxRepo, PreparedPart, ReroutePlan, SendDecision, SendResult, Sender } from "../bot/ports/delivery.js";
import type { DeliveryMetrics } from "../bot/ports/metrics.js";
import type { ChannelName } from "../bot/ports/records.js";
import type { HeldLock, Locks } from "../bot/ports/locks.js";
import type { IdentityRepo } from "../bot/ports/store.js";
import type { LogPort } from "../bot/session.js";
import { createRateLimiter, type DeliveryLimits } from "./limiter.js";

export interface DeliveryDeps {
  readonly outbox: OutboxRepo;
  readonly identities: Pick<IdentityRepo, "markUnreachable">;
  /** One sender per deployment: whoever holds the sender lock (on PostgreSQL an advisory lock, freed when its holder dies). */
  readonly locks: Pick<Locks, "tryHold">;
  readonly senders: ReadonlyMap<ChannelName, Sender>;
  readonly limits: ReadonlyMap<ChannelName, DeliveryLimits>;
  readonly now: () => Date;
  readonly log: LogPort;
  readonly metrics?: DeliveryMetrics;
  /** This process, as recorded on the messages it takes to send. */
  readonly instanceId: string;
  /** Messages on their way at once (each to a different chat). */
  readonly concurrency?: number;
  /** How often a standing-by instance tries for the sender lock (its holder gone, it takes over within this). */
  readonly standbyMs?: number;
  /** Where a message goes that its channel cannot take now (another channel of the person, or notices); without it, it fails. */
  readonly reroute?: (message: OutboxRecord, reason: string) => Promise<ReroutePlan>;
  /** How often the queue is looked at when nothing is due (new messages also wake the worker). */
  readonly idleMs?: number;
  /**
   * A message with a subject (a reminder) decided again just before it goes: what it says now, or why it is no
   * longer sent. Without it, messages go as queued.
   */
  readonly decide?: (message: OutboxRecord) => Promise<SendDecision>;
  /** Work only the sender does, between passes, at most once per `everyMs` (a broadcast's progress reports). */
  readonly alongside?: { readonly everyMs: number; run(now: Date): Promise<unknown> };
}

export interface DeliveryWorker {
  /** Send until stopped. Resolves when stopped. */
  run(): Promise<void>;
  /** Something was queued: look now rather than at the next idle check. */
  wake(): void;
  /** Stop taking messages, let those on their way finish. */
  stop(): Promise<void>;
  /** For /readyz: sending, or why not. */
  status(): DeliveryStatus;
}

export interface DeliveryStatus {
  /** running: sending (or ready to); standby: another instance holds the sender lock; failing: its passes fail (the database); stopped. */
  readonly state: "running" | "standby" | "failing" | "stopped";
}

const MAX_ATTEMPTS = 8;
const BATCH = 200;
const LOCK_NAME = "delivery-sender";
/** 1 s, 2 s, 4 s … up to 10 minutes between tries of a message that failed for a passing reason. */
const backoffMs = (attempts: number) => Math.min(600_000, 1000 * 2 ** attempts);

/**
 * The delivery worker: one sender per deployment (it holds the sender lock),
 * sending queued messages within each platform's limits, which therefore
 * hold across every instance. A
 * message is claimed (inflight) before it is sent and marked sent right
 * after; a long message records each delivered part, so a retry resumes
 * after it. Messages a dead sender left inflight become uncertain, not sent
 * again: they may have arrived, and a person never gets the same message
 * twice. On PostgreSQL a message is taken only while the database still sees
 * the lock held by this sender's session.
 */
export function createDeliveryWorker(deps: DeliveryDeps): DeliveryWorker {
  const concurrency = deps.concurrency ?? 8;
  const standbyMs = deps.standbyMs ?? 5_000;
  const idleMs = deps.idleMs ?? 1_000;
  const limiters = new Map([...deps.limits].map(([channel, limits]) => [channel, createRateLimiter(limits)]));
  const inFlight = new Map<number, Promise<void>>();
  const busyChats = new Set<string>();
  let running = false;
  let lock: HeldLock | null = null;
  const holding = () => lock?.held() === true;
  let alongsideAt = 0;
  let failing = false;
  /** While passes fail (the database): how many, and when that was last logged (once a minute, not every second). */
  let failures = 0;
  let failureLoggedAt = 0;
  let wakeUp: (() => void) | null = null;
  let runs: Promise<void> = Promise.resolve();

  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      wakeUp = null;
      resolve();
    }, ms);
    wakeUp = () => {
      clearTimeout(timer);
      wakeUp = null;
      resolve();
    };
  });
  const chatKey = (m: OutboxRecord) => `${m.identity.channel}:${m.identity.chatId ?? m.identity.externalId}`;
  const isGroup = (m: OutboxRecord) => (m.identity.chatId ?? "").startsWith("-");

  /**
   * Prepare (render, load the file), then claim, then send: the message is
   * marked on its way only just before the request goes, so a worker that
   * dies while preparing leaves it pending, not uncertain.
   */
  async function deliver(queued: OutboxRecord, sender: Sender): Promise<void> {
    const m = await decided(queued);
    if (!m) return;
    const limiter = limiters.get(m.identity.channel)!;
    const key = chatKey(m);
    let partsDone = m.partsSent;
    let externalId = m.externalId;
    let parts: PreparedPart[];
    try {
      parts = await sender.prepare(m, async (id) => {
        const file = await deps.outbox.file(id);
        return file ? { data: file.data, ref: m.identity.channel === "telegram" ? file.telegramFileId : null } : null;
      });
    } catch (error) {
      // Nothing went out: the message cannot be made (a missing file, a broken payload), and trying again will not help.
      deps.log.error({ outboxId: m.id, error: (error as Error).message }, "message could not be prepared");
      await deps.outbox.failPending(m.id, (error as Error).message);
      deps.metrics?.delivered(m.identity.channel, m.kind, "failed");
      return;
    }
    if (!lock?.held() || !(await deps.outbox.claim(m.id, deps.now(), deps.instanceId, lock.fence))) return;
    try {
      for (let i = m.partsSent; i < parts.length; i += 1) {
        // Every part waits its turn right before its request, after every other await: a retry_after that came
        // back while this message was being prepared or claimed holds it too.
        for (let wait = limiter.waitFor(key, isGroup(m), Date.now()); wait > 0; wait = limiter.waitFor(key, isGroup(m), Date.now())) {
          await new Promise((r) => setTimeout(r, wait));
        }
        limiter.take(key, isGroup(m), Date.now());
        const result: SendResult = await sender.sendPart(m, parts[i]!);
        if (!result.ok) return await settleFailure(m, result, partsDone);
        if (result.externalId) externalId = result.externalId;
        if (result.fileRef) {
          const fileId = m.reply.attachment?.fileId;
          if (fileId !== undefined) await deps.outbox.setFileRef(fileId, m.identity.channel, result.fileRef);
        }
        partsDone = i + 1;
        if (partsDone < parts.length) await deps.outbox.partSent(m.id, partsDone, externalId);
      }
      await deps.outbox.sent(m.id, deps.now(), externalId, partsDone);
      deps.metrics?.delivered(m.identity.channel, m.kind, "sent");
    } catch (error) {
      // Our own failure (database, rendering): the message may or may not have gone; do not send it again.
      deps.log.error({ outboxId: m.id, error: (error as Error).message }, "delivery failed");
      await deps.outbox.markUncertain(m.id, (error as Error).message, partsDone).catch(() => undefined);
      deps.metrics?.delivered(m.identity.channel, m.kind, "uncertain");
    }
  }

  /**
   * The message as it goes now: one about a subject is decided again (and its text rendered as of now), or
   * dropped with its reason. A message partly sent is finished as it began. Null: not now.
   */
  async function decided(m: OutboxRecord): Promise<OutboxRecord | null> {
    if (!m.subject || !deps.decide || m.partsSent > 0) return m;
    let decision: SendDecision;
    try {
      decision = await deps.decide(m);
    } catch (error) {
      // Cannot tell now (the database): it stays pending for the next pass.
      deps.log.warn({ outboxId: m.id, error: (error as Error).message }, "could not decide a queued message again; it waits");
      return null;
    }
    if ("drop" in decision) {
      await deps.outbox.drop(m.id, decision.drop);
      deps.log.info({ outboxId: m.id, kind: m.kind, reason: decision.drop }, "queued message no longer needed; dropped");
      deps.metrics?.delivered(m.identity.channel, m.kind, "dropped");
      return null;
    }
    await deps.outbox.refresh(m.id, decision.send);
    return { ...m, reply: decision.send };
  }

  async function settleFailure(m: OutboxRecord, result: Exclude<SendResult, { ok: true }>, partsDone: number): Promise<void> {
    const now = deps.now();
    const limiter = limiters.get(m.identity.channel)!;
    switch (result.kind) {
      case "rate_limited":
        limiter.pause(result.retryAfterMs, Date.now());
        await deps.outbox.retryLater(m.id, new Date(now.getTime() + result.retryAfterMs), result.error, partsDone, { countAttempt: false });
        deps.metrics?.delivered(m.identity.channel, m.kind, "retry");
        return;
      case "transient":
        if (m.attempts + 1 >= MAX_ATTEMPTS) {
          await deps.outbox.fail(m.id, `${result.error} (after ${MAX_ATTEMPTS} attempts)`, partsDone);
          deps.metrics?.delivered(m.identity.channel, m.kind, "failed");
        } else {
          await deps.outbox.retryLater(m.id, new Date(now.getTime() + backoffMs(m.attempts)), result.error, partsDone);
          deps.metrics?.delivered(m.identity.channel, m.kind, "retry");
        }
        return;
      case "unreachable": {
        // Gone from this channel (blocked the bot, unfollowed the OA): this message may still reach them on another.
        const plan = deps.reroute ? await deps.reroute(m, result.error) : null;
        if (plan?.via) await deps.outbox.reroute(m.id, result.error, partsDone, { via: plan.via, notices: [] });
        else await deps.outbox.fail(m.id, result.error, partsDone);
        await deps.identities.markUnreachable(m.identity.id, result.error);
        await deps.outbox.failPendingOf(m.identity.id, result.error);
        deps.log.warn({ identityId: m.identity.id, channel: m.identity.channel, reason: result.error }, "recipient unreachable");
        deps.metrics?.delivered(m.identity.channel, m.kind, "unreachable");
        if (plan?.via) wakeUp?.();
        return;
      }
      case "rejected":
        await deps.outbox.fail(m.id, result.error, partsDone);
        deps.log.error({ outboxId: m.id, reason: result.error }, "message rejected by the platform");
        deps.metrics?.delivered(m.identity.channel, m.kind, "failed");
        return;
      case "uncertain":
        await deps.outbox.markUncertain(m.id, result.error, partsDone);
        deps.metrics?.delivered(m.identity.channel, m.kind, "uncertain");
        return;
      case "deferred":
        await deps.outbox.retryLater(m.id, result.until, result.error, partsDone, { countAttempt: false });
        deps.metrics?.delivered(m.identity.channel, m.kind, "retry");
        return;
      case "switch_channel": {
        const plan = deps.reroute ? await deps.reroute(m, result.error) : { via: null, notices: [] };
        if (!plan.via && result.orWaitUntil) {
          await deps.outbox.retryLater(m.id, result.orWaitUntil, result.error, partsDone, { countAttempt: false });
          deps.metrics?.delivered(m.identity.channel, m.kind, "retry");
          return;
        }
        await deps.outbox.reroute(m.id, result.error, partsDone, plan);
        if (plan.via || plan.notices.length > 0) wakeUp?.();
        deps.log.info({ outboxId: m.id, channel: m.identity.channel, via: plan.via ? "another channel" : "none", reason: result.error }, "message rerouted");
        deps.metrics?.delivered(m.identity.channel, m.kind, plan.via ? "rerouted" : "unreachable");
        return;
      }
    }
  }

  /** One pass over what is due: start every message whose chat and the channel's limits allow it now. */
  async function pass(): Promise<number> {
    const due = await deps.outbox.due(deps.now(), BATCH);
    const blocked = new Set<string>();
    let earliest = Infinity;
    for (const m of due) {
      if (!running) break;
      const key = chatKey(m);
      const sender = deps.senders.get(m.identity.channel);
      const limiter = limiters.get(m.identity.channel);
      if (!sender || !limiter || inFlight.has(m.id) || busyChats.has(key) || blocked.has(key)) {
        // Messages to one chat keep their order: a later one never overtakes one that waits.
        blocked.add(key);
        continue;
      }
      // Only a hint here (the limiter is consulted again right before the request): a chat that must wait
      // long is left for a later pass, so it does not hold a sending slot.
      const wait = limiter.waitFor(key, isGroup(m), Date.now());
      if (wait >= 50) {
        blocked.add(key);
        earliest = Math.min(earliest, wait);
        continue;
      }
      while (inFlight.size >= concurrency) await Promise.race(inFlight.values());
      if (!holding() || !running) break;
      busyChats.add(key);
      const job = deliver(m, sender).finally(() => {
        inFlight.delete(m.id);
        busyChats.delete(key);
      });
      inFlight.set(m.id, job);
    }
    return due.length === 0 ? -1 : earliest;
  }

  /** Take the sender lock if no one holds it; true while this worker is the sender. */
  async function takeLock(): Promise<boolean> {
    if (lock?.held()) return true;
    // A lock that was lost (its connection died) is let go of in full before the lock is asked for again.
    if (lock) {
      deps.log.warn({ instance: deps.instanceId }, "the sender lock was lost (its database connection ended); sending stops until it is held again");
      await lock.release().catch(() => undefined);
      lock = null;
    }
    lock = await deps.locks.tryHold(LOCK_NAME);
    if (!lock) return false;
    // Whoever sent before is gone: what it left on its way may have arrived.
    const orphans = await deps.outbox.markOrphansUncertain(deps.instanceId);
    if (orphans > 0) deps.log.warn({ orphans }, "messages left in flight by a stopped sender are marked uncertain");
    deps.log.info({ instance: deps.instanceId }, "this instance sends the queued messages");
    return true;
  }

  /** The database answered: a spell of failures, if any, is over (told once). */
  function answered(message: string): void {
    if (failing) deps.log.info({ failedPasses: failures }, message);
    failing = false;
    failures = 0;
  }

  async function loop(): Promise<void> {
    while (running) {
      try {
        if (!(await takeLock())) {
          // Another instance sends; the database answered, so this one is standing by, not failing.
          answered("the database answers again; standing by");
          await sleep(standbyMs);
          continue;
        }
        const next = await pass();
        if (deps.alongside && Date.now() - alongsideAt >= deps.alongside.everyMs) {
          alongsideAt = Date.now();
          await deps.alongside.run(deps.now());
        }
        answered("delivery works again");
        const pause = next === -1 ? await idleFor() : Number.isFinite(next) ? Math.max(5, next) : idleMs;
        const lost = lock ? lock.lost : new Promise<void>(() => undefined);
        await (inFlight.size > 0 ? Promise.race([...inFlight.values(), sleep(pause), lost]) : Promise.race([sleep(pause), lost]));
      } catch (error) {
        // The one catch of the worker: log, wait, go on (a database hiccup must not stop delivery).
        failing = true;
        failures += 1;
        if (failures === 1 || Date.now() - failureLoggedAt >= 60_000) {
          failureLoggedAt = Date.now();
          deps.log.error({ error: (error as Error).message, failedPasses: failures }, "delivery pass failed; trying again every second");
        }
        await sleep(idleMs);
      }
    }
    await Promise.all(inFlight.values());
    await lock?.release().catch(() => undefined);
    lock = null;
  }

  /** Nothing due now: until the next message falls due, or the idle check. */
  async function idleFor(): Promise<number> {
    const due = await deps.outbox.nextDue();
    return due ? Math.max(5, Math.min(idleMs, due.getTime() - deps.now().getTime())) : idleMs;
  }

  return {
    run() {
      running = true;
      runs = loop();
      return runs;
    },
    wake() {
      wakeUp?.();
    },
    stop() {
      running = false;
      wakeUp?.();
      return runs;
    },
    status() {
      return { state: !running ? "stopped" : failing ? "failing" : holding() ? "running" : "standby" };
    },
  };
}
