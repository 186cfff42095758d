import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { Bot, BotError, GrammyError, InlineKeyboard, InputFile, type Api, type Context, type Transformer } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import type { Core } from "../../bot/core.js";
import { NO_METRICS, type ChannelMetrics } from "../../bot/ports/metrics.js";
import type { UpdateIntake } from "../../bot/ports/intake.js";
import type { InboxRepo } from "../../bot/ports/store.js";
import { PLAIN, renderLine, renderReply, splitText } from "../../bot/render.js";
import type { Reply } from "../../bot/reply.js";
import type { LogPort } from "../../bot/session.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { registerCommands } from "./commands.js";
import { CAPTION_LIMIT, MESSAGE_LIMIT, TELEGRAM_HTML } from "./format.js";
import { FILE_TIMEOUT_MS, fetchCapped, MAX_FILE_BYTES } from "../download.js";
import { channelIntake } from "../intake.js";
import { toInbound, type FileDownloader } from "./inbound.js";
import { createApiWatch, type ApiStatus, type ApiWatch } from "./api-status.js";

export interface TelegramDeps {
  readonly token: string;
  /** Another Bot API server (emulator, self-hosted). */
  readonly apiRoot?: string;
  /** Known bot identity: skips getMe (tests, benchmarks). */
  readonly botInfo?: UserFromGetMe;
  readonly core: Core;
  readonly i18n: I18n;
  readonly inbox: InboxRepo;
  /** PostgreSQL: updates are queued for whichever instance is free, in order per chat, polled ones included. */
  readonly intake?: UpdateIntake;
  readonly log: LogPort;
  readonly metrics?: ChannelMetrics;
  /** Messages per person per 10 seconds. */
  readonly rateLimit: number;
  readonly now: () => Date;
  /** An API transformer installed after auto-retry (tests capture calls with it). */
  readonly transformer?: Transformer;
  /** Watches the Bot API's answers (shared with the delivery queue's client); one of its own by default. */
  readonly watch?: ApiWatch;
}

/** The channel as /readyz reports it. */
export interface TelegramStatus {
  /**
   * connecting: not yet through getMe and the webhook or polling set-up (retried in the background);
   * webhook_refused: Telegram answered setWebhook with an error (the URL is not one it accepts).
   */
  readonly state: "connecting" | "ready" | "unreachable" | "token_refused" | "webhook_refused" | "conflict" | "stopped";
  readonly since: Date;
}

export interface TelegramChannel {
  readonly bot: Bot;
  /**
   * Record an update from the webhook: "new" to handle here (process), "queued" when the intake queue has it,
   * "done" when it was handled before (Telegram sent it again).
   */
  accept(update: Update): Promise<"new" | "queued" | "done">;
  /** Handle one update: recorded, handled once, answered. Updates of one chat run in order. */
  process(update: Update): Promise<void>;
  /**
   * Connect in the background and keep at it: getMe, the command menu, then the webhook (when `webhook`
   * is given) or long polling, then the updates left over from the last run. An unreachable Bot API is
   * retried with a growing pause (up to a minute); so is polling that another process holds (409).
   */
  start(mode: { webhook?: { url: string; secret: string } }): void;
  /** Resolves once connected (the service itself never waits for it). */
  readonly connected: Promise<void>;
  status(): TelegramStatus;
  /** Long polling in the background; resolves once polling has started. */
  startPolling(): Promise<void>;
  /** Stop taking updates and finish the ones in hand. */
  stop(): Promise<void>;
  /**
   * At start: handle the updates recorded but never finished (the process stopped in between), or, with the
   * intake queue, start taking queued updates.
   */
  recover(): Promise<number>;
  registerCommands(): Promise<void>;
  /** Tell the person behind an update that it could not be handled, and why in their terms; false when they could not be told. */
  tellFailure(update: Update, error: unknown): Promise<boolean>;
}

/** Seconds Telegram holds a long poll open; the client's own time-out is longer, so a poll is never cut as lost. */
const LONG_POLL_S = 30;
const CLIENT_TIMEOUT_S = 40;
/** Pauses between tries to reach the Bot API at start, or to poll again after a 409: 1 s doubling, at most a minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const ALLOWED_UPDATES = ["message", "callback_query"] as const;
/** How long an album's caption is remembered for its other photos. */
const ALBUM_MEMORY_MS = 60_000;

const DEFAULT_API_ROOT = "https://api.telegram.org";

/** Whose updates must keep their order; an update the channel cannot read shares one queue with the others like it. */
const chatOf = (u: Update): string => String(u.message?.chat?.id ?? u.callback_query?.message?.chat?.id ?? u.callback_query?.from?.id ?? "none");

/** A file a person sent: getFile for its path, then its bytes from the Bot API's file URL (the token is never in a message). */
function fileDownloader(api: Api, apiRoot: string, token: string): FileDownloader {
  return async (fileId) => {
    const file = await api.getFile(fileId);
    const fail = (why: string) => new Error(`telegram: file ${fileId} not downloaded: ${why}`);
    if (!file.file_path) throw fail("getFile gave no file_path");
    if (file.file_size !== undefined && file.file_size > MAX_FILE_BYTES) throw fail(`${file.file_size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
    try {
      return await fetchCapped(`${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${file.file_path}`, MAX_FILE_BYTES, FILE_TIMEOUT_MS);
    } catch (error) {
      throw fail((error as Error).message);
    }
  };
}

/** Send one reply: HTML, split at Telegram's limit, buttons on the last part, attachment if any. */
async function send(ctx: Context, chatId: number | string, i18n: I18n, locale: Locale, r: Reply, metrics: ChannelMetrics): Promise<void> {
  const rendered = renderReply(i18n, locale, r, TELEGRAM_HTML);
  if (r.attachment) {
    const caption = r.attachment.caption
      ? splitText(renderLine(i18n, locale, r.attachment.caption, TELEGRAM_HTML), CAPTION_LIMIT, "html")[0]
      : undefined;
    const file = new InputFile(Buffer.from(r.attachment.data), r.attachment.filename);
    const options = { ...(caption && { caption, parse_mode: "HTML" as const }) };
    if (r.attachment.kind === "photo") await ctx.api.sendPhoto(chatId, file, options);
    else await ctx.api.sendDocument(chatId, file, options);
    metrics.messageSent("telegram", r.attachment.kind);
  }
  if (!rendered.text) return;
  const chunks = splitText(rendered.text, MESSAGE_LIMIT, "html");
  for (let i = 0; i < chunks.length; i += 1) {
    const last = i === chunks.length - 1;
    const keyboard = last && rendered.buttons.length > 0
      ? InlineKeyboard.from(rendered.buttons.map((row) => row.map((b) => InlineKeyboard.text(b.label, b.action))))
      : undefined;
    await ctx.api.sendMessage(chatId, chunks[i]!, {
      parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(keyboard && { reply_markup: keyboard }),
    });
    metrics.messageSent("telegram", "text");
  }
}

/** Tell the log when the Bot API stops answering and when it answers again (grammY's own retries are silent). */
export function logApiChange(log: LogPort): (state: ApiStatus["state"], was: ApiStatus["state"]) => void {
  return (state, was) => {
    if (state === "unreachable" || state === "server_error") log.warn({ state }, "telegram: the Bot API does not answer; calls fail until it does");
    else if (state === "ok" && (was === "unreachable" || was === "server_error")) log.info({ was }, "telegram: the Bot API answers again");
  };
}

/** Before the core has loaded the person's settings: the language their Telegram app uses. */
const localeOf = (ctx: Context): Locale => (ctx.from?.language_code?.startsWith("en") ? "en" : "vi");

export function createTelegramChannel(deps: TelegramDeps): TelegramChannel {
  const metrics = deps.metrics ?? NO_METRICS;
  const watch = deps.watch ?? createApiWatch(deps.now, logApiChange(deps.log));
  const bot = new Bot(deps.token, {
    ...(deps.botInfo && { botInfo: deps.botInfo }),
    client: { timeoutSeconds: CLIENT_TIMEOUT_S, ...(deps.apiRoot && { apiRoot: deps.apiRoot }) },
  });
  // Finite retries: 429 waits retry_after (a minute at most) and 5xx backs off, three times. A connection that fails
  // or times out is not retried here (auto-retry would retry it forever): the caller decides, and polling and the
  // start-up retry with their own pauses.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  bot.api.config.use(watch.transformer);
  if (deps.transformer) bot.api.config.use(deps.transformer);
  const download = fileDownloader(bot.api, deps.apiRoot ?? DEFAULT_API_ROOT, deps.token);

  // Updates taken from the intake queue (PostgreSQL); a polled update that is not one of them is queued, not handled here.
  const fromQueue = new WeakSet<Update>();
  const intake = channelIntake("telegram", deps);
  bot.use(async (ctx, next) => {
    if (!deps.intake || fromQueue.has(ctx.update)) return next();
    await deps.intake.accept("telegram", String(ctx.update.update_id), JSON.stringify(ctx.update), chatOf(ctx.update), deps.now());
  });
  // Recorded and begun before handling: a re-sent update is handled once; one cut short by a crash is handled again.
  bot.use(async (ctx, next) => {
    const id = String(ctx.update.update_id);
    const started = performance.now();
    const begun = await deps.inbox.begin("telegram", id, JSON.stringify(ctx.update), deps.now()).catch((error: unknown) => {
      // Not even recorded (the database cannot write): counted as failed, and the error boundary tells the person.
      metrics.updateHandled("telegram", "error", (performance.now() - started) / 1000);
      throw error;
    });
    if (begun === "exhausted") {
      // Started three times and never finished (each time the process stopped): given up, not tried again.
      deps.log.error({ updateId: id }, "update given up after repeated attempts that never finished; it stays in the inbox, marked failed");
      metrics.updateHandled("telegram", "quarantined", 0);
      return;
    }
    if (begun === "done") {
      metrics.updateHandled("telegram", "duplicate", 0);
      return;
    }
    try {
      await next();
      await deps.inbox.done("telegram", id, deps.now());
      metrics.updateHandled("telegram", "ok", (performance.now() - started) / 1000);
    } catch (error) {
      await deps.inbox.done("telegram", id, deps.now(), (error as Error).message).catch(() => undefined);
      metrics.updateHandled("telegram", "error", (performance.now() - started) / 1000);
      throw error;
    }
  });
  bot.use(limit({
    timeFrame: 10_000,
    limit: deps.rateLimit,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      if (ctx.chat?.type === "private") await ctx.reply(deps.i18n.t(localeOf(ctx), "bot-slow-down"));
    },
  }));
  // An album's caption, remembered for the photos that follow it (updates of one chat are handled in order).
  const albums = new Map<string, { caption: string; until: number }>();
  const albumCaption = (message: Message): string | undefined => {
    if (!message.media_group_id) return undefined;
    const key = `${message.chat.id}:${message.media_group_id}`;
    const now = Date.now();
    for (const [k, v] of albums) if (v.until < now) albums.delete(k);
    if (message.caption) albums.set(key, { caption: message.caption, until: now + ALBUM_MEMORY_MS });
    return albums.get(key)?.caption;
  };
  bot.on(["message:text", "message:photo", "message:document", "callback_query:data"], async (ctx) => {
    const inbound = toInbound(ctx.update, ctx.me, deps.now(), download, albumCaption);
    if (!inbound) return;
    const { replies, locale, tap } = await deps.core.handle(inbound);
    if (ctx.callbackQuery) {
      if (tap === "not_yours") {
        // A colleague's confirmation tapped in a group: tell only the one who tapped, leave the buttons.
        const first = replies[0]?.lines[0];
        await ctx.answerCallbackQuery({ text: first ? renderLine(deps.i18n, locale, first, PLAIN) : "", show_alert: true }).catch(() => undefined);
        return;
      }
      await ctx.answerCallbackQuery().catch(() => undefined);
      // Carried out, cancelled or gone: the buttons go, so a confirmation cannot be tapped twice.
      if (tap) await ctx.editMessageReplyMarkup().catch(() => undefined);
    }
    for (const r of replies) await send(ctx, ctx.chatId ?? inbound.chatId, deps.i18n, locale, r, metrics);
  });
  /** Tell the person behind an update what went wrong (the system cannot record now, or a fault), if they can be told. */
  const tellFailure = async (update: Update, error: unknown): Promise<boolean> => {
    const chatId = update.message?.chat?.id ?? update.callback_query?.message?.chat?.id ?? update.callback_query?.from?.id;
    const from = update.message?.from ?? update.callback_query?.from;
    const locale: Locale = from?.language_code?.startsWith("en") ? "en" : "vi";
    const text = deps.i18n.t(locale, deps.core.failureKey(error));
    try {
      // A tap is answered where the person looks (an alert over the buttons); the message goes to the chat too.
      if (update.callback_query?.id) await bot.api.answerCallbackQuery(update.callback_query.id, { text: Array.from(text).slice(0, 190).join(""), show_alert: true });
      if (chatId === undefined) return update.callback_query?.id !== undefined;
      await bot.api.sendMessage(chatId, text);
      return true;
    } catch {
      return false;
    }
  };
  // The bot's one error boundary: log with the update, tell the person what went wrong.
  // grammY calls it for polled updates; process() calls it for webhook updates, which handleUpdate rethrows.
  const onError = async (error: BotError<Context>): Promise<void> => {
    deps.log.error({ updateId: error.ctx.update.update_id, error: error.error instanceof Error ? error.error.message : String(error.error) }, "update failed");
    await tellFailure(error.ctx.update, error.error);
  };
  bot.catch(onError);

  const queues = new Map<string, Promise<void>>();
  let polling: Promise<void> | null = null;
  let stopping = false;
  let connectedAt: Date | null = null;
  let webhookRefusedAt: Date | null = null;
  // Ends the waits of webhook updates that came before the bot could connect: at a stop they stay in the inbox.
  let markStopped: () => void = () => undefined;
  const stoppedSignal = new Promise<"stopped">((resolve) => {
    markStopped = () => resolve("stopped");
  });
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  // A pause between tries that a stop ends at once.
  let wakeFromPause: (() => void) | null = null;
  const pause = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wakeFromPause = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
  /** Long polling until stopped; after a 409 (another process polls this bot) or a refused token, again after a pause. */
  async function pollUntilStopped(): Promise<void> {
    let delay = FIRST_RETRY_MS;
    let conflicted = false;
    while (!stopping) {
      const answeredBefore = watch.pollsAnswered;
      try {
        await bot.start({
          drop_pending_updates: false, allowed_updates: [...ALLOWED_UPDATES], timeout: LONG_POLL_S,
          onStart: () => deps.log.info({ bot: bot.botInfo.username }, "telegram: long polling"),
        });
      } catch (error) {
        const conflict = error instanceof GrammyError && error.error_code === 409;
        // The pause grows while polling gets no answer; it starts over once a poll was answered.
        if (watch.pollsAnswered > answeredBefore) {
          delay = FIRST_RETRY_MS;
          conflicted = false;
        }
        if (conflict) {
          watch.setConflict(true);
          // Once per spell at error level; the retries that follow at debug, with the pause doubling to a minute.
          if (!conflicted) {
            deps.log.error({ error: describe(error), retryInMs: delay },
              "telegram: another process is polling this bot (409 Conflict); only one may poll, so several instances must use webhook mode");
          }
        } else {
          deps.log.error({ error: describe(error), retryInMs: delay }, "telegram: polling stopped; trying again");
        }
        conflicted = conflict;
      }
      if (stopping) return;
      await pause(delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }

  const channel: TelegramChannel = {
    bot,
    connected,
    tellFailure,
    accept: (update) => intake.accept(String(update.update_id), JSON.stringify(update), chatOf(update)),
    process(update) {
      const key = chatOf(update);
      const previous = queues.get(key) ?? Promise.resolve();
      // Nothing an update carries may stop the process: whatever it throws is logged, recorded and told.
      // Before the bot is connected an update waits (it is in the inbox already); a stop ends the wait and leaves it there.
      const ready = () => (bot.isInited() ? "ready" : Promise.race([connected.then(() => "ready" as const), stoppedSignal]));
      const handled = previous.then(ready).then((state) => (state === "ready" ? bot.handleUpdate(update) : undefined));
      const next = handled.catch(async (error: unknown) => {
        if (error instanceof BotError) await onError(error as BotError<Context>);
        else deps.log.error({ updateId: update.update_id, error: describe(error) }, "update failed");
      }).catch(() => undefined);
      queues.set(key, next);
      void next.finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
      return next;
    },
    start(mode) {
      void (async () => {
        let delay = FIRST_RETRY_MS;
        while (!stopping) {
          try {
            // getMe once, not bot.init(): grammY's init retries a failed connection forever, which would keep this loop
            // (and a stop) waiting on an unreachable Bot API.
            if (!bot.isInited()) bot.botInfo = await bot.api.getMe();
            await channel.registerCommands();
            if (mode.webhook) {
              await bot.api.setWebhook(mode.webhook.url, { secret_token: mode.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] })
                .catch((error: unknown) => {
                  if (error instanceof GrammyError) webhookRefusedAt ??= deps.now();
                  throw error;
                });
              webhookRefusedAt = null;
              deps.log.info({ url: mode.webhook.url }, "telegram: webhook set");
            } else {
              await bot.api.deleteWebhook();
            }
            break;
          } catch (error) {
            // Telegram answered and refused (a token, a webhook URL): that is a setting to fix, said at error level.
            if (error instanceof GrammyError) {
              deps.log.error({ method: error.method, error: describe(error), retryInMs: delay }, "telegram: the Bot API refused a start-up call; check the settings; trying again");
            } else {
              deps.log.warn({ error: describe(error), retryInMs: delay }, "telegram: cannot reach the Bot API yet; the service goes on and tries again");
            }
            await pause(delay);
            delay = Math.min(delay * 2, MAX_RETRY_MS);
          }
        }
        if (stopping) return;
        connectedAt = deps.now();
        markConnected();
        const recovered = await channel.recover().catch((error: unknown) => {
          deps.log.error({ error: describe(error) }, "telegram: updates left over could not be handled now; they are handled at the next start");
          return 0;
        });
        if (recovered > 0) deps.log.info({ recovered }, "telegram: handled updates left over from the last run");
        if (!mode.webhook) {
          polling = pollUntilStopped();
          await polling;
        }
      })().catch((error: unknown) => deps.log.error({ error: describe(error) }, "telegram: start-up failed"));
    },
    status() {
      if (stopping) return { state: "stopped", since: deps.now() };
      const api = watch.status();
      if (api.state === "token_refused") return { state: api.state, since: api.since };
      if (webhookRefusedAt) return { state: "webhook_refused", since: webhookRefusedAt };
      if (!connectedAt) return { state: "connecting", since: api.since };
      if (api.state === "conflict") return { state: api.state, since: api.since };
      if (api.state === "unreachable" || api.state === "server_error") return { state: "unreachable", since: api.since };
      return { state: "ready", since: connectedAt };
    },
    async startPolling() {
      await bot.init();
      polling = bot.start({ drop_pending_updates: false, allowed_updates: [...ALLOWED_UPDATES], timeout: LONG_POLL_S })
        .catch((error: unknown) => deps.log.error({ error: describe(error) }, "polling stopped"));
    },
    async stop() {
      stopping = true;
      markStopped();
      wakeFromPause?.();
      // bot.stop() ends the long poll and confirms the offset (a call of its own); the batch already fetched is
      // still being handled, and so are webhook updates in hand: wait for all of it. The service's shutdown bounds the wait.
      const ending = bot.isRunning() ? bot.stop().catch(() => undefined) : Promise.resolve();
      await Promise.all([ending, polling, ...queues.values()]);
    },
    async recover() {
      await bot.init();
      return intake.recover(async (payload) => {
        const update = JSON.parse(payload) as Update;
        // From the queue (or left over): handled here, not queued again by the first middleware.
        fromQueue.add(update);
        await channel.process(update);
      });
    },
    async registerCommands() {
      await bot.init();
      await registerCommands(bot.api, deps.i18n).catch((error: unknown) => deps.log.warn({ error: (error as Error).message }, "could not register commands"));
    },
  };
  return channel;
}
