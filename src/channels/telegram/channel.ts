import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { Bot, BotError, InlineKeyboard, InputFile, type Api, type Context, type Transformer } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import type { Core } from "../../bot/core.js";
import { NO_METRICS, type ChannelMetrics } from "../../bot/ports/metrics.js";
import type { InboxRepo } from "../../bot/ports/store.js";
import { PLAIN, renderLine, renderReply, splitText } from "../../bot/render.js";
import type { Reply } from "../../bot/reply.js";
import type { LogPort } from "../../bot/session.js";
import type { I18n, Locale } from "../../i18n/index.js";
import { registerCommands } from "./commands.js";
import { CAPTION_LIMIT, MESSAGE_LIMIT, TELEGRAM_HTML } from "./format.js";
import { FILE_TIMEOUT_MS, fetchCapped, MAX_FILE_BYTES } from "../download.js";
import { toInbound, type FileDownloader } from "./inbound.js";

export interface TelegramDeps {
  readonly token: string;
  /** Another Bot API server (emulator, self-hosted). */
  readonly apiRoot?: string;
  /** Known bot identity: skips getMe (tests, benchmarks). */
  readonly botInfo?: UserFromGetMe;
  readonly core: Core;
  readonly i18n: I18n;
  readonly inbox: InboxRepo;
  readonly log: LogPort;
  readonly metrics?: ChannelMetrics;
  /** Messages per person per 10 seconds. */
  readonly rateLimit: number;
  readonly now: () => Date;
  /** An API transformer installed after auto-retry (tests capture calls with it). */
  readonly transformer?: Transformer;
}

export interface TelegramChannel {
  readonly bot: Bot;
  /** Handle one update from a webhook: recorded, handled once, answered. Updates of one chat run in order. */
  process(update: Update): Promise<void>;
  /** Long polling in the background; resolves once polling has started. */
  startPolling(): Promise<void>;
  /** Stop taking updates and finish the ones in hand. */
  stop(): Promise<void>;
  /** Handle updates recorded but never finished (the process stopped in between). */
  recover(): Promise<number>;
  registerCommands(): Promise<void>;
}

/** How long a stop waits for the updates in hand before the process exits anyway. */
const STOP_GRACE_MS = 25_000;
/** How often updates left unfinished by a dead process are looked for (their claims last INBOX_CLAIM_MS). */
const RECOVERY_EVERY_MS = 30_000;
/** How long an album's caption is remembered for its other photos. */
const ALBUM_MEMORY_MS = 60_000;

const DEFAULT_API_ROOT = "https://api.telegram.org";

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

/** Before the core has loaded the person's settings: the language their Telegram app uses. */
const localeOf = (ctx: Context): Locale => (ctx.from?.language_code?.startsWith("en") ? "en" : "vi");

export function createTelegramChannel(deps: TelegramDeps): TelegramChannel {
  const metrics = deps.metrics ?? NO_METRICS;
  const bot = new Bot(deps.token, {
    ...(deps.botInfo && { botInfo: deps.botInfo }), ...(deps.apiRoot && { client: { apiRoot: deps.apiRoot } }),
  });
  // Finite retries: 429 waits retry_after, 5xx and network errors back off; never forever.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  if (deps.transformer) bot.api.config.use(deps.transformer);
  const download = fileDownloader(bot.api, deps.apiRoot ?? DEFAULT_API_ROOT, deps.token);

  // Recorded and claimed before handling: a re-sent update is handled once; one cut short by a crash is handled on recovery.
  bot.use(async (ctx, next) => {
    const id = String(ctx.update.update_id);
    const started = performance.now();
    if (!(await deps.inbox.claim("telegram", id, JSON.stringify(ctx.update), deps.now()))) {
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
  // The bot's one error boundary: log with the update, tell the person something went wrong.
  // grammY calls it for polled updates; process() calls it for webhook updates, which handleUpdate rethrows.
  const onError = async (error: BotError<Context>): Promise<void> => {
    deps.log.error({ updateId: error.ctx.update.update_id, error: error.error instanceof Error ? error.error.message : String(error.error) }, "update failed");
    const chatId = error.ctx.chatId;
    if (chatId !== undefined) await error.ctx.api.sendMessage(chatId, deps.i18n.t(localeOf(error.ctx), "bot-error")).catch(() => undefined);
  };
  bot.catch(onError);

  const queues = new Map<string, Promise<void>>();
  const chatOf = (u: Update): string => String(u.message?.chat.id ?? u.callback_query?.message?.chat.id ?? u.callback_query?.from.id ?? "none");
  let polling: Promise<void> | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  const recoverOnce = async (): Promise<number> => {
    const pending = await deps.inbox.unhandled("telegram", deps.now());
    for (const p of pending) await channel.process(JSON.parse(p.payload) as Update);
    return pending.length;
  };

  const channel: TelegramChannel = {
    bot,
    process(update) {
      const key = chatOf(update);
      const previous = queues.get(key) ?? Promise.resolve();
      const next = previous.then(() => bot.handleUpdate(update)).catch(async (error: unknown) => {
        if (error instanceof BotError) await onError(error as BotError<Context>);
        else deps.log.error({ updateId: update.update_id, error: (error as Error).message }, "update failed");
      });
      queues.set(key, next);
      void next.finally(() => {
        if (queues.get(key) === next) queues.delete(key);
      });
      return next;
    },
    async startPolling() {
      await bot.init();
      polling = bot.start({ drop_pending_updates: false, allowed_updates: ["message", "callback_query"] })
        .catch((error: unknown) => deps.log.error({ error: (error as Error).message }, "polling stopped"));
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      if (polling) {
        // bot.stop() ends the long poll; the batch already fetched is still being handled: wait for it, within limits.
        await bot.stop();
        await Promise.race([polling, new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
      }
      await Promise.all([...queues.values()]);
    },
    async recover() {
      await bot.init();
      const count = await recoverOnce();
      // Updates claimed by a process that died are taken again once their claim runs out.
      sweeper ??= setInterval(() => void recoverOnce().catch((error: unknown) => deps.log.error({ error: (error as Error).message }, "recovery failed")), RECOVERY_EVERY_MS);
      sweeper.unref();
      return count;
    },
    async registerCommands() {
      await bot.init();
      await registerCommands(bot.api, deps.i18n).catch((error: unknown) => deps.log.warn({ error: (error as Error).message }, "could not register commands"));
    },
  };
  return channel;
}
