import { loadConfig } from "./config.js";
import { createHttpServer } from "./http/server.js";
import { createLogger } from "./logger.js";
import { loadRulesetsOrThrow } from "./rulesets/index.js";

/** Composition root: config → logger → rulesets → http. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const { rulesets } = loadRulesetsOrThrow(config.RULESETS_DIR);
  const scorable = rulesets.filter((r) => r.completeness === "full").length;
  logger.info({ rulesets: rulesets.length, scorable }, "rulesets loaded");

  const http = createHttpServer({
    logger,
    health: async () => ({ status: "ok", checks: { rulesets: `${rulesets.length} loaded` } }),
  });
  await http.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
  logger.info({ url: `http://${config.HTTP_HOST}:${config.HTTP_PORT}/healthz` }, "DTI Bot is running");

  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, "shutting down");
    await http.close();
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
