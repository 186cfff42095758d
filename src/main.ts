import { loadConfig } from "./config.js";
import { seedDemo } from "./demo/seed.js";
import { createHttpServer } from "./http/server.js";
import { createLogger } from "./logger.js";
import { createCatalog, loadRulesetsOrThrow } from "./rulesets/index.js";
import { createStore } from "./store/index.js";

/** Composition root: config → logger → rulesets → store → http. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const { rulesets } = loadRulesetsOrThrow(config.RULESETS_DIR);
  const catalog = createCatalog(rulesets);
  logger.info({ rulesets: rulesets.length, scorable: rulesets.filter((r) => r.completeness === "full").length }, "rulesets loaded");

  const store = await createStore(config.DATABASE_URL);
  logger.info({ provider: store.provider, migrationsApplied: store.migrationsApplied }, "database ready");
  const channelsConfigured = Boolean(config.TELEGRAM_BOT_USERNAME);
  if (config.DEMO_AUTOSEED && !channelsConfigured && (await store.isEmpty())) {
    const demo = await seedDemo({ store, catalog, now: new Date() });
    logger.info({ periods: demo.periodIds, invites: demo.invites.map((i) => `${i.label}: ${i.code}`) }, "empty database: demo province seeded");
  }

  const http = createHttpServer({
    logger,
    health: async () => {
      try {
        await store.isEmpty();
        return { status: "ok", checks: { rulesets: `${rulesets.length} loaded`, database: store.provider } };
      } catch (error) {
        return { status: "degraded", checks: { rulesets: `${rulesets.length} loaded`, database: `error: ${(error as Error).message}` } };
      }
    },
  });
  await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ url: `http://${config.HTTP_HOST}:${config.HTTP_PORT}/healthz` }, "DTI Bot is running");

  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, "shutting down");
    await http.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  // The one catch for what escapes start-up: print it whole and stop.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
