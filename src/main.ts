import type { Update } from "grammy/types";
import { hostname } from "node:os";
import { createCore } from "./bot/core.js";
import { trackBroadcasts } from "./bot/notify/broadcasts.js";
import { queueDigest } from "./bot/notify/digest.js";
import { queueReminders, type NotifyDeps } from "./bot/notify/jobs.js";
import { createRerouter } from "./bot/notify/reroute.js";
import type { Sender } from "./bot/ports/delivery.js";
import type { ChannelName } from "./bot/ports/records.js";
import { createScoreCache } from "./bot/score-cache.js";
import { createItemSearch } from "./bot/search.js";
import { runConsole } from "./channels/console/channel.js";
import { createConsoleSender } from "./channels/console/sender.js";
import { createTelegramChannel, type TelegramChannel } from "./channels/telegram/channel.js";
import { createTelegramSender } from "./channels/telegram/sender.js";
import { createDeliveryWorker } from "./delivery/worker.js";
import { createZalo, type Zalo } from "./zalo.js";
import { loadConfig } from "./config.js";
import { demoLogins } from "./demo/logins.js";
import { seedDemo } from "./demo/seed.js";
import { createMetrics } from "./http/metrics.js";
import { createRefusals } from "./http/refusals.js";
import { createHttpServer, type HealthReport } from "./http/server.js";
import { createI18n } from "./i18n/index.js";
import { createLogger } from "./logger.js";
import { createReports } from "./reports.js";
import { createCatalog, loadRulesetsOrThrow } from "./rulesets/index.js";
import { startScheduler, type Job } from "./scheduler/index.js";
import { createFileStorage, createStore } from "./store/index.js";

/** Composition root: config → logger → rulesets → store → core → channels → http. */
async function main(): Promise<void> {
  const config = loadConfig();
  // The terminal demo owns the terminal: only warnings and errors are logged there.
  const consoleMode = !config.TELEGRAM_BOT_TOKEN && config.CONSOLE_DEMO && process.stdin.isTTY === true;
  const logger = createLogger({ level: consoleMode ? "warn" : config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const { rulesets } = loadRulesetsOrThrow(config.RULESETS_DIR);
  const catalog = createCatalog(rulesets);
  logger.info({ rulesets: rulesets.length, scorable: rulesets.filter((r) => r.completeness === "full").length }, "rulesets loaded");
  if (!config.INVITE_SECRET && config.NODE_ENV === "production") logger.warn({}, "INVITE_SECRET is not set: invite codes use the development key");

  const store = await createStore(config.DATABASE_URL, {
    ...(config.INVITE_SECRET && { inviteSecret: config.INVITE_SECRET }), ...(config.ZALO_TOKEN_KEY && { tokenKey: config.ZALO_TOKEN_KEY }),
  });
  logger.info({ provider: store.provider, migrationsApplied: store.migrationsApplied }, "database ready");
  const channelConfigured = Boolean(config.TELEGRAM_BOT_TOKEN || config.ZALO_APP_ID);
  if (config.DEMO_AUTOSEED && !channelConfigured && (await store.isEmpty())) {
    const demo = await seedDemo({ store, catalog, now: new Date() });
    logger.info({ periods: demo.periodIds, invites: demo.invites.map((i) => `${i.label}: ${i.code}`) }, "empty database: demo province seeded");
  }

  const i18n = createI18n(config.LOCALES_DIR);
  const metrics = createMetrics();
  const now = () => new Date();
  const log = {
    info: (d: Record<string, unknown>, m: string) => logger.info(d, m),
    warn: (d: Record<string, unknown>, m: string) => logger.warn(d, m),
    error: (d: Record<string, unknown>, m: string) => logger.error(d, m),
  };
  // Pushes (reminders, announcements, results) go through the delivery queue, sent by one worker per deployment.
  const senders = new Map<ChannelName, Sender>();
  if (config.TELEGRAM_BOT_TOKEN) {
    senders.set("telegram", createTelegramSender({ token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }), i18n }));
  }
  if (consoleMode) senders.set("console", createConsoleSender({ i18n, output: process.stdout }));
  const instanceId = config.INSTANCE_ID ?? `${hostname()}-${process.pid}`;
  // Zalo OA: its tokens, its sender; its channel joins once the core exists.
  let worker: { wake(): void } | null = null;
  const zalo: Zalo | null = createZalo({ config, store, i18n, now, instanceId, log: logger.child({ channel: "zalo" }), wake: () => worker?.wake() });
  if (zalo) senders.set("zalo", zalo.sender);
  const limits = {
    globalPerSecond: config.DELIVERY_GLOBAL_PER_SECOND,
    chatPerSecond: config.DELIVERY_CHAT_PER_SECOND,
    groupPerMinute: config.DELIVERY_GROUP_PER_MINUTE,
  };
  const delivering = createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, coordination: store.coordination, senders,
    limits: new Map([
      ["telegram", limits], ["console", { globalPerSecond: 50, chatPerSecond: 50, groupPerMinute: 600 }],
      ["zalo", { globalPerSecond: config.ZALO_RATE_PER_MINUTE / 60, chatPerSecond: 1, groupPerMinute: 60 }],
    ]),
    now, log: logger.child({ component: "delivery" }), metrics: metrics.delivery, instanceId,
    reroute: createRerouter({ store, channels: [...senders.keys()], now }),
  });
  worker = delivering;
  const delivery = { channels: [...senders.keys()], wake: () => delivering.wake() };
  const scores = createScoreCache({ store, catalog });
  const evidence = {
    storage: createFileStorage(config.EVIDENCE_DIR), maxBytes: config.EVIDENCE_MAX_MB * 1_048_576, types: new Set(config.EVIDENCE_TYPES.split(",")),
  };
  const core = createCore({
    store, catalog, search: createItemSearch(catalog), scores, now, log, delivery, reports: createReports(i18n, now), evidence,
    ...(config.TELEGRAM_BOT_USERNAME && { botUsername: config.TELEGRAM_BOT_USERNAME }),
  });

  let telegram: TelegramChannel | null = null;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramChannel({
      token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }),
      core, i18n, inbox: store.inbox, log: logger.child({ channel: "telegram" }), metrics: metrics.channel, rateLimit: config.CHAT_RATE_LIMIT, now,
    });
  }
  const zaloChannel = zalo?.channel(core, metrics.channel) ?? null;
  const http = createHttpServer({
    logger,
    metrics: metrics.registry,
    health: async (): Promise<HealthReport> => {
      try {
        await store.isEmpty();
        return {
          status: "ok",
          checks: {
            rulesets: `${rulesets.length} loaded`, database: store.provider, telegram: telegram ? "on" : "off",
            zalo: zalo ? (await zalo.keeper.status()).state : "off",
          },
        };
      } catch (error) {
        return { status: "degraded", checks: { rulesets: `${rulesets.length} loaded`, database: `error: ${(error as Error).message}` } };
      }
    },
    ...(telegram && config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET && {
      telegram: {
        secret: config.TELEGRAM_WEBHOOK_SECRET,
        accept: async (update) => (await store.inbox.record("telegram", String(update.update_id), JSON.stringify(update), now())) !== "done",
        process: (update) => void telegram!.process(update as Update),
      },
    }),
    ...(zalo && zaloChannel && { zalo: zalo.webhook(zaloChannel), zaloOAuth: zalo.oauthCallback }),
    refusals: createRefusals({ warn: (d, m) => logger.warn(d, m), count: (channel, reason) => metrics.webhookRefused(channel, reason) }),
  });
  await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  if (zaloChannel) {
    const recovered = await zaloChannel.recover();
    if (recovered > 0) logger.info({ recovered }, "zalo: handled events left over from the last run");
  }
  logger.info({ url: `http://${config.HTTP_HOST}:${config.HTTP_PORT}/healthz` }, "DTI Bot is running");

  if (telegram) {
    const recovered = await telegram.recover();
    if (recovered > 0) logger.info({ recovered }, "handled updates left over from the last run");
    await telegram.registerCommands();
    if (config.TELEGRAM_WEBHOOK_URL) {
      await telegram.bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, { secret_token: config.TELEGRAM_WEBHOOK_SECRET!, allowed_updates: ["message", "callback_query"] });
      logger.info({ url: config.TELEGRAM_WEBHOOK_URL }, "telegram: webhook set");
    } else {
      await telegram.bot.api.deleteWebhook();
      await telegram.startPolling();
      logger.info({ bot: telegram.bot.botInfo.username }, "telegram: long polling");
    }
  }

  const running = senders.size > 0 ? delivering.run() : Promise.resolve();
  const [open, close] = config.OFFICE_HOURS.split("-") as [string, string];
  const notify: NotifyDeps = {
    store, catalog, scores, log: logger.child({ component: "jobs" }), channels: delivery.channels, wake: delivery.wake,
    office: { start: open, end: close, days: config.OFFICE_DAYS.split(",").map(Number) },
    reminders: { offsets: config.REMINDER_OFFSETS.split(",").map(Number), time: config.REMINDER_TIME },
  };
  const [digestHour, digestMinute] = config.DIGEST_TIME.split(":").map(Number) as [number, number];
  // Without any channel to deliver on (a service with no terminal and no credentials), nothing is scheduled.
  const jobs: Job[] = [
    // Every ten minutes, and at start to catch up: each reminder has its key, so it goes once whatever runs.
    { name: "reminders", cron: "*/10 * * * *", atStart: true, run: (at) => queueReminders(notify, at) },
    { name: "broadcast-progress", cron: "*/5 * * * * *", run: (at) => trackBroadcasts({ store, wake: delivery.wake }, at) },
    ...(zalo ? [{ name: "zalo-tokens", cron: "*/30 * * * *", atStart: true, run: async () => void (await zalo.keeper.check()) }] : []),
    { name: "weekly-digest", cron: `${digestMinute} ${digestHour} * * ${config.DIGEST_DAY % 7}`, run: (at) => queueDigest(notify, at) },
  ];
  const scheduler = senders.size > 0 ? startScheduler({ coordination: store.coordination, instanceId, log: notify.log, now, jobs }) : null;

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing the updates and messages in hand");
    await http.close();
    await telegram?.stop();
    await scheduler?.stop();
    await zaloChannel?.stop();
    await delivering.stop();
    await running;
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  if (consoleMode) {
    await runConsole({ core, i18n, input: process.stdin, output: process.stdout, logins: await demoLogins(store, now), now });
    await stop("console closed");
  }
}

main().catch((error: unknown) => {
  // The one catch for what escapes start-up: print it whole and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
