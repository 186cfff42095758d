import type { Update } from "grammy/types";
import { createCore } from "./bot/core.js";
import { trackBroadcasts } from "./bot/notify/broadcasts.js";
import { queueDigest } from "./bot/notify/digest.js";
import { queueReminders, type NotifyDeps } from "./bot/notify/jobs.js";
import { createRecheck } from "./bot/notify/recheck.js";
import { createRerouter } from "./bot/notify/reroute.js";
import type { OutboxRecord, SendDecision, Sender } from "./bot/ports/delivery.js";
import type { ChannelName } from "./bot/ports/records.js";
import { pruneOldRecords } from "./bot/retention.js";
import { createScoreCache } from "./bot/score-cache.js";
import { createItemSearch } from "./bot/search.js";
import { runConsole } from "./channels/console/channel.js";
import { createConsoleBoard } from "./channels/console/board.js";
import { createConsoleSender } from "./channels/console/sender.js";
import { createApiWatch } from "./channels/telegram/api-status.js";
import { createTelegramChannel, logApiChange, type TelegramChannel } from "./channels/telegram/channel.js";
import { createTelegramSender } from "./channels/telegram/sender.js";
import { createDeliveryWorker } from "./delivery/worker.js";
import { createZalo, type Zalo } from "./zalo.js";
import { loadConfig } from "./config.js";
import { demoLogins } from "./demo/logins.js";
import { seedDemo } from "./demo/seed.js";
import { createMetrics } from "./http/metrics.js";
import { createRefusals } from "./http/refusals.js";
import { createHttpServer } from "./http/server.js";
import { createI18n } from "./i18n/index.js";
import { createLogger } from "./logger.js";
import { createReports } from "./reports.js";
import { createCatalog, loadGlossary, loadRulesetsOrThrow } from "./rulesets/index.js";
import { processIdentity } from "./runtime/instance.js";
import { databaseCheck, evidenceCopyCheck, evidenceNotCopied, folderCheck, readiness, telegramCheck, workCheck, zaloCheck, type Check } from "./runtime/readiness.js";
import { createShutdown, type Shutdown } from "./runtime/shutdown.js";
import { watchStorage } from "./runtime/storage-watch.js";
import { startCronScheduler, type Job, type Scheduler } from "./scheduler/index.js";
import { startBossScheduler } from "./scheduler/pg-boss.js";
import { startBoss } from "./queue/boss.js";
import { createBossIntake } from "./queue/intake.js";
import { readQueues } from "./queue/readings.js";
import { registerQueueGauges } from "./http/queue-gauges.js";
import { createEvidenceStorage, createStore, providerOf } from "./store/index.js";
import { holdEmbeddedDatabase } from "./store/single-process.js";

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Composition root: config → logger → rulesets → store → core → channels → http → jobs. */
async function main(): Promise<void> {
  // Signals are taken from the first line: a stop asked for while the service is still starting (a database that
  // does not answer) ends within the limit too. Until there is anything to stop, a signal simply ends the process.
  let shutdown: Shutdown | null = null;
  const onSignal = (signal: NodeJS.Signals) => (shutdown ? void shutdown.run(signal) : process.exit(0));
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);

  const config = loadConfig();
  // The terminal demo owns the terminal: only warnings and errors are logged there.
  const consoleMode = !config.TELEGRAM_BOT_TOKEN && config.CONSOLE_DEMO && process.stdin.isTTY === true;
  const logger = createLogger({ level: consoleMode ? "warn" : config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  shutdown = createShutdown({ timeoutMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000, log: logger, exit: (code) => process.exit(code) });
  const stopper = shutdown;
  const metrics = createMetrics();
  // What escapes every boundary is logged and counted, and the service goes on: no one message may stop it.
  process.on("unhandledRejection", (reason) => {
    metrics.escaped("rejection");
    logger.error({ error: describe(reason) }, "an error escaped its handler; the service goes on");
  });

  const { rulesets } = loadRulesetsOrThrow(config.RULESETS_DIR);
  const catalog = createCatalog(rulesets);
  logger.info({ rulesets: rulesets.length, scorable: rulesets.filter((r) => r.completeness === "full").length }, "rulesets loaded");
  if (!config.INVITE_SECRET && config.NODE_ENV === "production") logger.warn({}, "INVITE_SECRET is not set: invite codes use the development key");

  // Embedded mode is one process: a second start on the same SQLite database says so and stops.
  if (providerOf(config.DATABASE_URL) === "sqlite") {
    const lock = holdEmbeddedDatabase(config.DATABASE_URL);
    if (!lock) {
      logger.fatal({ database: config.DATABASE_URL },
        "another DTI Bot process is already running on this SQLite database; stop it first (several instances need PostgreSQL)");
      console.error(`DTI Bot đang chạy trên cơ sở dữ liệu ${config.DATABASE_URL} ở một tiến trình khác; xin dừng tiến trình đó trước khi khởi động lại.`);
      process.exit(1);
    }
    stopper.add("store", "embedded database guard", async () => lock.release());
  }
  logger.info({ provider: providerOf(config.DATABASE_URL) }, "opening the database (migrations first)");
  const store = await createStore(config.DATABASE_URL, {
    ...(config.INVITE_SECRET && { inviteSecret: config.INVITE_SECRET }), ...(config.ZALO_TOKEN_KEY && { tokenKey: config.ZALO_TOKEN_KEY }),
  });
  stopper.add("store", "database", () => store.close());
  logger.info({ provider: store.provider, migrationsApplied: store.migrationsApplied }, "database ready");
  const channelConfigured = Boolean(config.TELEGRAM_BOT_TOKEN || config.ZALO_APP_ID);
  // The demo is for trying the bot, never for a production database; instances starting together seed it once.
  if (config.DEMO_AUTOSEED && !channelConfigured && config.NODE_ENV !== "production") {
    const demo = await store.locks.withLock("demo-seed", async () => ((await store.isEmpty()) ? seedDemo({ store, catalog, now: new Date() }) : null));
    if (demo) logger.info({ periods: demo.periodIds, invites: demo.invites.map((i) => `${i.label}: ${i.code}`) }, "empty database: demo province seeded");
  }
  const storage = watchStorage({
    health: store.health, log: logger.child({ component: "database" }),
    probeEveryMs: config.DATABASE_PROBE_SECONDS * 1000, integrityEveryMs: config.DATABASE_CHECK_SECONDS * 1000,
  });
  stopper.add("intake", "database watch", async () => storage.stop());

  const i18n = createI18n(config.LOCALES_DIR);
  const now = () => new Date();
  const log = {
    info: (d: Record<string, unknown>, m: string) => logger.info(d, m),
    warn: (d: Record<string, unknown>, m: string) => logger.warn(d, m),
    error: (d: Record<string, unknown>, m: string) => logger.error(d, m),
  };
  // This run of this instance, as named on the messages it takes to send and to pg-boss.
  const instanceId = processIdentity(config.INSTANCE_ID);
  // Several instances (PostgreSQL): pg-boss runs the schedules and queues incoming updates for whichever instance is free.
  const boss = store.provider === "postgres" ? await startBoss(config.DATABASE_URL, logger.child({ component: "queue" }), { instance: instanceId }) : null;
  if (boss) stopper.add("work", "job queue", () => boss.stop({ graceful: true, close: true, timeout: config.SHUTDOWN_TIMEOUT_SECONDS * 300 }));
  const intake = boss ? createBossIntake({ boss, inbox: store.inbox, log: logger.child({ component: "intake" }) }) : null;
  if (intake) stopper.add("intake", "update queue", () => intake.stop());
  // Pushes (reminders, announcements, results) go through the delivery queue, sent by one worker per deployment.
  const senders = new Map<ChannelName, Sender>();
  // Every Bot API call of the process, the bot's and the queue's, tells /readyz how Telegram is.
  const telegramApi = createApiWatch(now, logApiChange(logger.child({ channel: "telegram" })));
  if (config.TELEGRAM_BOT_TOKEN) {
    senders.set("telegram", createTelegramSender({
      token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }), i18n,
      watch: telegramApi.transformer,
    }));
  }
  // The terminal demo: pushes say whom they are for, their buttons wait for that person, files land in a folder.
  const board = createConsoleBoard();
  if (consoleMode) senders.set("console", createConsoleSender({ i18n, output: process.stdout, board, filesDir: config.DEMO_FILES_DIR }));
  // Zalo OA: its tokens, its sender; its channel joins once the core exists.
  let worker: { wake(): void } | null = null;
  let recheck: ((message: OutboxRecord) => Promise<SendDecision>) | null = null;
  const zalo: Zalo | null = createZalo({
    config, store, i18n, now, log: logger.child({ channel: "zalo" }), wake: () => worker?.wake(), ...(intake && { intake }),
  });
  if (zalo) senders.set("zalo", zalo.sender);
  const limits = {
    globalPerSecond: config.DELIVERY_GLOBAL_PER_SECOND,
    chatPerSecond: config.DELIVERY_CHAT_PER_SECOND,
    groupPerMinute: config.DELIVERY_GROUP_PER_MINUTE,
  };
  const delivering = createDeliveryWorker({
    outbox: store.outbox, identities: store.identities, locks: store.locks, senders,
    limits: new Map([
      ["telegram", limits], ["console", { globalPerSecond: 50, chatPerSecond: 50, groupPerMinute: 600 }],
      ["zalo", { globalPerSecond: config.ZALO_RATE_PER_MINUTE / 60, chatPerSecond: 1, groupPerMinute: 60 }],
    ]),
    now, log: logger.child({ component: "delivery" }), metrics: metrics.delivery, instanceId,
    reroute: createRerouter({ store, channels: [...senders.keys()], now }),
    // Reminders and late notices are decided again, and rendered, as they go.
    decide: (message) => recheck!(message),
    // A large broadcast's progress goes to its sender as it is sent, by the one instance that sends.
    alongside: { everyMs: 5_000, run: (at) => trackBroadcasts({ store, wake: () => worker?.wake() }, at) },
  });
  worker = delivering;
  const delivery = { channels: [...senders.keys()], wake: () => delivering.wake() };
  const scores = createScoreCache({ store, catalog });
  // An upgrade to several instances (evidence in the database by default on PostgreSQL) whose files are still in the
  // folder: said at once, and by /readyz, rather than found out when a reviewer opens a file.
  const evidenceCounts = config.EVIDENCE_STORAGE === "database" ? await store.evidenceCounts() : null;
  const notCopied = evidenceCounts !== null && evidenceNotCopied(evidenceCounts);
  if (notCopied) {
    logger.error({ records: evidenceCounts.records, folder: config.EVIDENCE_DIR },
      "EVIDENCE_STORAGE is database but no evidence file is in the database yet: run `dti evidence copy-to-database`, or set EVIDENCE_STORAGE=disk");
  }
  const evidence = {
    storage: createEvidenceStorage({ kind: config.EVIDENCE_STORAGE, dir: config.EVIDENCE_DIR, store }), maxBytes: config.EVIDENCE_MAX_MB * 1_048_576, types: new Set(config.EVIDENCE_TYPES.split(",")),
  };
  // The field's abbreviations (rulesets/glossary.yaml) are part of how questions are read.
  const search = createItemSearch(catalog, loadGlossary(config.RULESETS_DIR));
  const core = createCore({
    store, catalog, search, scores, now, log, delivery, reports: createReports(i18n, now, config), evidence,
    ...(config.TELEGRAM_BOT_USERNAME && { botUsername: config.TELEGRAM_BOT_USERNAME }),
  });

  let telegram: TelegramChannel | null = null;
  if (config.TELEGRAM_BOT_TOKEN) {
    telegram = createTelegramChannel({
      token: config.TELEGRAM_BOT_TOKEN, ...(config.TELEGRAM_API_ROOT && { apiRoot: config.TELEGRAM_API_ROOT }), watch: telegramApi,
      core, i18n, inbox: store.inbox, ...(intake && { intake }), log: logger.child({ channel: "telegram" }), metrics: metrics.channel, rateLimit: config.CHAT_RATE_LIMIT, now,
    });
  }
  const zaloChannel = zalo?.channel(core, metrics.channel) ?? null;
  const webhook = config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
    ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
    : null;

  // Scheduled work. Without any channel to deliver on (a service with no terminal and no credentials), only the clean-up runs.
  const [open, close] = config.OFFICE_HOURS.split("-") as [string, string];
  const notify: NotifyDeps = {
    store, catalog, scores, log: logger.child({ component: "jobs" }), channels: delivery.channels, wake: delivery.wake,
    office: { start: open, end: close, days: config.OFFICE_DAYS.split(",").map(Number) },
    reminders: { offsets: config.REMINDER_OFFSETS.split(",").map(Number), time: config.REMINDER_TIME },
  };
  recheck = createRecheck(notify, now);
  const [digestHour, digestMinute] = config.DIGEST_TIME.split(":").map(Number) as [number, number];
  const notifications: Job[] = [
    // Every ten minutes, and at start to catch up: each reminder has its key, so it goes once whatever runs.
    { name: "reminders", cron: "*/10 * * * *", atStart: true, run: (at) => queueReminders(notify, at) },
    ...(zalo ? [{ name: "zalo-tokens", cron: "*/30 * * * *", atStart: true as const, run: async () => void (await zalo.keeper.check()) }] : []),
    {
      name: "weekly-digest", cron: `${digestMinute} ${digestHour} * * ${config.DIGEST_DAY % 7}`, run: (at) => queueDigest(notify, at),
      // A start after the digest's hour catches up on this week's digest if none was made since.
      atStart: (at, due) => queueDigest(notify, at, { missedSince: due }),
    },
  ];
  const jobs: Job[] = [
    { name: "retention", cron: "15 3 * * *", atStart: true, run: (at) => pruneOldRecords(store, at, { updatesDays: config.RETENTION_UPDATES_DAYS }) },
    ...(senders.size > 0 ? notifications : []),
  ];

  let scheduler: Scheduler | null = null;
  const checks: Check[] = [
    databaseCheck(() => store.health.status()),
    // Evidence in the database is covered by the database check; a folder is checked only when files go there.
    ...(config.EVIDENCE_STORAGE === "disk" ? [folderCheck("evidence", config.EVIDENCE_DIR)] : []),
    ...(notCopied ? [evidenceCopyCheck(() => store.evidenceCounts())] : []),
    ...(telegram ? [telegramCheck(() => telegram.status(), webhook ? "webhook" : "polling")] : []),
    ...(zalo ? [zaloCheck(() => zalo.keeper.status(), () => zalo.api())] : []),
    ...workCheck(() => scheduler?.status() ?? { running: false, failing: [] }, senders.size > 0 ? () => delivering.status() : null),
  ];
  const refusals = createRefusals({
    warn: (d, m) => logger.warn(d, m), count: (channel, reason) => metrics.webhookRefused(channel, reason),
  });
  registerQueueGauges(metrics.registry, () => readQueues({ outbox: store.outbox, boss, now }));
  const http = createHttpServer({
    logger,
    metrics: metrics.registry,
    ready: () => readiness(checks),
    ...(telegram && webhook && {
      telegram: {
        secret: webhook.secret,
        async accept(update) {
          try {
            return (await telegram.accept(update as Update)) === "new";
          } catch (error) {
            // Not even recorded (the database cannot write): the person is told to send it again later and Telegram
            // gets its 200. If they cannot be told either, Telegram is left to deliver the update again.
            logger.error({ updateId: update.update_id, error: describe(error) }, "telegram: update not recorded");
            if (await telegram.tellFailure(update as Update, error)) return false;
            throw error;
          }
        },
        process: (update) => void telegram.process(update as Update),
      },
    }),
    ...(zalo && zaloChannel && { zalo: zalo.webhook(zaloChannel), zaloOAuth: zalo.oauthCallback }),
    refusals,
  });
  await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  stopper.add("intake", "http", async () => {
    await http.close();
    refusals.flush();
  });
  logger.info({ url: `http://${config.HTTP_HOST}:${config.HTTP_PORT}/readyz`, instance: instanceId }, "DTI Bot is running");

  // A stop that came during the start: nothing more is started.
  if (stopper.stopping) return;
  // The schedules first (on PostgreSQL pg-boss's queues and schedules are made now): by the time a channel says it
  // takes messages, everything readiness reports on is running.
  scheduler = boss ? await startBossScheduler({ boss, jobs, log: notify.log, now }) : startCronScheduler({ jobs, log: notify.log, now });
  const jobsRunning = scheduler;
  stopper.add("intake", "scheduler", () => jobsRunning.stop());
  if (zaloChannel) {
    stopper.add("intake", "zalo", () => zaloChannel.stop());
    const recovered = await zaloChannel.recover().catch((error: unknown) => {
      logger.error({ error: describe(error) }, "zalo: events left over could not be handled now; they are handled at the next start");
      return 0;
    });
    if (recovered > 0) logger.info({ recovered }, "zalo: handled events left over from the last run");
  }
  if (stopper.stopping) return;
  if (telegram) {
    // In the background: an unreachable Bot API must not hold up Zalo, the jobs or the HTTP server.
    stopper.add("intake", "telegram", () => telegram.stop());
    telegram.start(webhook ? { webhook } : {});
  }
  if (senders.size > 0) {
    const running = delivering.run();
    stopper.add("work", "delivery", async () => {
      await delivering.stop();
      await running;
    });
  }
  stopper.started();

  if (consoleMode) {
    const logins = await demoLogins(store, now);
    // A paste reaches a terminal line by line within milliseconds; a person types slower than 40 ms per line.
    await runConsole({ core, i18n, input: process.stdin, output: process.stdout, logins, now, board, pasteMs: 40 });
    await stopper.run("console closed");
  }
}

main().catch((error: unknown) => {
  // The one catch for what escapes start-up: print it whole and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
