import type { Core } from "../../bot/core.js";
import type { OutboxRepo } from "../../bot/ports/delivery.js";
import type { UpdateIntake } from "../../bot/ports/intake.js";
import { NO_METRICS, type ChannelMetrics } from "../../bot/ports/metrics.js";
import type { IdentityRepo, InboxRepo } from "../../bot/ports/store.js";
import type { Inbound, InboundFile, Reply } from "../../bot/reply.js";
import type { LogPort } from "../../bot/session.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { FILE_TIMEOUT_MS, fetchCapped, MAX_FILE_BYTES } from "../download.js";
import { channelIntake } from "../intake.js";
import type { ZaloClient } from "./client.js";
import { sendWithButtons, tapAction, zaloMessages, type ButtonPolicy } from "./render.js";
import { eventKey, type ZaloEvent, type ZaloFile } from "./webhook.js";

export interface ZaloChannelDeps {
  readonly client: ZaloClient;
  readonly core: Core;
  readonly i18n: I18n;
  readonly inbox: InboxRepo;
  /** PostgreSQL: events are queued for whichever instance is free, in order per person. */
  readonly intake?: UpdateIntake;
  readonly identities: Pick<IdentityRepo, "find" | "markUnreachable" | "touch">;
  readonly outbox: Pick<OutboxRepo, "failPendingOf">;
  readonly log: LogPort;
  readonly metrics?: ChannelMetrics;
  readonly now: () => Date;
  readonly buttons: ButtonPolicy;
  readonly textLimit: number;
}

export interface ZaloChannel {
  /**
   * Record a verified event: "new" to handle here, "queued" when the intake queue has it (PostgreSQL: whichever
   * instance is free handles it), "done" when it was handled before.
   */
  accept(event: ZaloEvent): Promise<"new" | "queued" | "done">;
  /** Handle a recorded event; events of one person run in order. */
  process(event: ZaloEvent): Promise<void>;
  /**
   * At start: handle the events recorded but never finished (the process stopped in between), or, with the
   * intake queue, start taking queued events.
   */
  recover(): Promise<number>;
  /** Finish the events in hand. */
  stop(): Promise<void>;
  /** Tell the person behind an event that it could not be handled (the system cannot record now, or a fault). */
  tellFailure(event: ZaloEvent, error: unknown): Promise<void>;
}

const CHANNEL = "zalo";
/** Events handled at once (each person's in order); more would only queue in the database. */
const HANDLING_CONCURRENCY = 4;
/** Attachments of one message that are taken (Zalo's limits on a message are unconfirmed; more are unusual). */
const MAX_FILES_PER_EVENT = 5;
/** What the bot acts on; other events (seen, received, the OA's own echoes) are recorded and left. */
const HANDLED = new Set([
  "user_send_text", "follow", "unfollow", "user_send_image", "user_send_file", "user_send_link", "user_send_sticker", "user_send_gif",
  "user_send_audio", "user_send_video", "user_send_location", "user_send_business_card",
]);
/** Events whose attachment the core takes (evidence); other media get the "text only" answer. */
const FILE_EVENTS = new Set(["user_send_image", "user_send_file"]);
/** What a file's name says it is, when Zalo gives no type beyond "file". */
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png",
  doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** An attachment as the core's InboundFile: named after the message when Zalo gives no name (images), fetched on demand. */
function inboundFile(event: ZaloEvent, file: ZaloFile): InboundFile {
  const id = event.msgId ?? event.timestamp;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name ?? "")?.[1]?.toLowerCase();
  const declaredType = file.type === "image" ? "image/jpeg" : file.type === "gif" ? "image/gif" : (extension && TYPE_BY_EXTENSION[extension]) || null;
  return {
    filename: file.name ?? (file.type === "image" ? `anh-${id}.jpg` : `tep-${id}`), declaredType, size: file.size,
    // Only web addresses are fetched: the URL comes from a signed event, but it is still data.
    download: () => (/^https?:\/\//i.test(file.url) ? fetchCapped(file.url, MAX_FILE_BYTES, FILE_TIMEOUT_MS) : Promise.reject(new Error("not an http(s) URL"))).catch((error: unknown) => {
      throw new Error(`zalo: file of message ${id} not downloaded: ${(error as Error).message}`, { cause: error });
    }),
  };
}

/** An event read back from the inbox; those stored before files were parsed carry none. */
function revive(payload: string): ZaloEvent {
  const event = JSON.parse(payload) as ZaloEvent;
  return { ...event, files: Array.isArray(event.files) ? event.files : [] };
}

/**
 * Zalo OA as a channel of the core: verified webhook events in, customer-
 * service messages out. A follow greets the person as /start does; an
 * unfollow marks them unreachable on Zalo (queued messages to them fail at
 * once, and their leader hears of it through the delivery report).
 */
export function createZaloChannel(deps: ZaloChannelDeps): ZaloChannel {
  const metrics = deps.metrics ?? NO_METRICS;
  const queues = new Map<string, Promise<void>>();
  const intake = channelIntake(CHANNEL, deps);
  // A few people's events at a time: the webhook's own answers (Zalo waits 2 s at most) must not queue behind a burst.
  let active = 0;
  const waiting: (() => void)[] = [];
  const limited = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= HANDLING_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };

  const warnFallback = (error: Error) => deps.log.warn({ error: error.message }, "zalo: buttons refused; choices are written out from now on (ZALO_BUTTONS=text)");

  async function send(userId: string, locale: Locale, reply: Reply): Promise<void> {
    const buttons = { client: deps.client, i18n: deps.i18n, policy: deps.buttons, textLimit: deps.textLimit, onFallback: warnFallback };
    for (const out of zaloMessages(deps.i18n, locale, reply, { mode: deps.buttons.mode, textLimit: deps.textLimit })) {
      if (out.kind === "text") {
        await sendWithButtons(buttons, userId, locale, out.text, out.buttons);
        metrics.messageSent(CHANNEL, "text");
      } else if (out.kind === "photo" && reply.attachment) {
        const attachmentId = await deps.client.uploadImage(reply.attachment.data, reply.attachment.filename);
        await deps.client.sendImage(userId, attachmentId, { ...(out.caption && { text: out.caption }) });
        metrics.messageSent(CHANNEL, "photo");
      } else if (out.kind === "document") {
        await deps.client.sendText(userId, deps.i18n.t(locale, "zalo-document-elsewhere", { filename: out.filename }));
      }
    }
  }

  /** Zalo's events carry no name: on first contact it comes from the profile (a failure only costs the greeting its name). */
  async function nameOf(userId: string): Promise<string | undefined> {
    const known = await deps.identities.find(CHANNEL, userId);
    if (known?.displayName) return undefined;
    return (await deps.client.profile(userId).catch(() => null))?.displayName ?? undefined;
  }

  /** Text (or a tap written as text), or a file with the message's text, if any, as its caption. */
  function toInbound(event: ZaloEvent, userId: string, text: string, displayName: string | undefined, file?: InboundFile): Inbound {
    const base = {
      channel: CHANNEL, updateId: eventKey(event), userId, chatId: userId, chatType: "private", ...(displayName && { displayName }),
      addressed: true, at: new Date(Number(event.timestamp)),
    } as const;
    if (file) return { ...base, ...(text.trim() && { text: text.normalize("NFC") }), file };
    const action = tapAction(text);
    return { ...base, ...(action ? { action } : { text: text.normalize("NFC") }) };
  }

  async function handle(event: ZaloEvent): Promise<void> {
    const userId = event.userId;
    if (!userId) return;
    if (event.name === "unfollow") {
      const identity = await deps.identities.find(CHANNEL, userId);
      if (identity) {
        await deps.identities.markUnreachable(identity.id, "zalo: unfollowed the OA");
        await deps.outbox.failPendingOf(identity.id, "zalo: unfollowed the OA");
      }
      return;
    }
    // A follow greets like /start; an image or a file goes to the core with its text; other media are not read, and the person is told so.
    const attached = FILE_EVENTS.has(event.name) ? event.files[0] : undefined;
    const text = event.name === "follow" ? "/start" : event.name === "user_send_text" || attached ? event.text ?? "" : null;
    if (text === null) {
      const identity = await deps.identities.touch(CHANNEL, userId, new Date(Number(event.timestamp)), { chatId: userId });
      await deps.client.sendText(userId, deps.i18n.t(identity.language, "zalo-text-only"));
      return;
    }
    // Several images in one message: each is evidence for the item the text names.
    const files = attached ? event.files.slice(0, MAX_FILES_PER_EVENT) : [undefined];
    const name = await nameOf(userId);
    for (const each of files) {
      const file = each && inboundFile(event, each);
      const { replies, locale } = await deps.core.handle(toInbound(event, userId, text, name, file));
      for (const r of replies) await send(userId, locale, r);
    }
  }

  async function run(event: ZaloEvent): Promise<void> {
    const key = eventKey(event);
    const started = performance.now();
    let begun: "go" | "done" | "exhausted";
    try {
      begun = await deps.inbox.begin(CHANNEL, key, JSON.stringify(event), deps.now());
    } catch (error) {
      // Not even recorded (the database cannot write): counted as failed, and the person is told.
      deps.log.error({ event: key, error: (error as Error).message }, "zalo event failed");
      metrics.updateHandled(CHANNEL, "error", (performance.now() - started) / 1000);
      await tellFailure(event, error).catch(() => undefined);
      return;
    }
    if (begun === "exhausted") {
      // Started three times and never finished (each time the process stopped): given up, not tried again.
      deps.log.error({ event: key }, "zalo event given up after repeated attempts that never finished; it stays in the inbox, marked failed");
      metrics.updateHandled(CHANNEL, "quarantined", 0);
      return;
    }
    if (begun === "done") {
      metrics.updateHandled(CHANNEL, "duplicate", 0);
      return;
    }
    try {
      await handle(event);
      await deps.inbox.done(CHANNEL, key, deps.now());
      metrics.updateHandled(CHANNEL, "ok", (performance.now() - started) / 1000);
    } catch (error) {
      // The channel's error boundary: log, record, and tell the person what went wrong.
      deps.log.error({ event: key, error: (error as Error).message }, "zalo event failed");
      await deps.inbox.done(CHANNEL, key, deps.now(), (error as Error).message).catch(() => undefined);
      metrics.updateHandled(CHANNEL, "error", (performance.now() - started) / 1000);
      await tellFailure(event, error).catch(() => undefined);
    }
  }

  async function tellFailure(event: ZaloEvent, error: unknown): Promise<void> {
    if (!event.userId || !(event.name === "user_send_text" || FILE_EVENTS.has(event.name))) return;
    const identity = await deps.identities.find(CHANNEL, event.userId).catch(() => null);
    await deps.client.sendText(event.userId, deps.i18n.t(identity?.language ?? "vi", deps.core.failureKey(error)));
  }

  const channel: ZaloChannel = {
    tellFailure,
    async accept(event) {
      if (!HANDLED.has(event.name)) return "done";
      return intake.accept(eventKey(event), JSON.stringify(event), event.userId ?? "none");
    },
    process(event) {
      const key = event.userId ?? "none";
      // run() has its own boundary; this one keeps anything else an event might throw from reaching the process.
      const next = (queues.get(key) ?? Promise.resolve()).then(() => limited(() => run(event))).catch((error: unknown) => {
        deps.log.error({ event: eventKey(event), error: (error as Error).message }, "zalo event failed");
      });
      queues.set(key, next);
      void next.finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
      return next;
    },
    recover: () => intake.recover((payload) => channel.process(revive(payload))),
    async stop() {
      await Promise.all([...queues.values()]);
    },
  };
  return channel;
}
