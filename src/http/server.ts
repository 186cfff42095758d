import { timingSafeEqual } from "node:crypto";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { Logger } from "../logger.js";

export interface HealthReport {
  readonly status: "ok" | "degraded";
  readonly checks: Readonly<Record<string, string>>;
}

export interface TelegramWebhook {
  readonly secret: string;
  /** Record the update; false when it was already handled (Telegram re-sent it). */
  accept(update: { update_id: number }): Promise<boolean>;
  /** Handle a recorded update, after the HTTP answer has gone. */
  process(update: { update_id: number }): void;
}

export interface HttpDeps {
  readonly logger: Logger;
  readonly health: () => Promise<HealthReport>;
  readonly metrics?: Registry;
  readonly telegram?: TelegramWebhook;
}

const sameSecret = (given: string | undefined, expected: string): boolean => {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The service's one HTTP server: health, metrics and the chat webhooks. */
export function createHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: "http" }) as FastifyBaseLogger,
    // Probes and webhooks arrive every few seconds; log failures, not every request.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1_048_576,
  });
  app.get("/healthz", async (_request, reply) => {
    const report = await deps.health();
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });
  if (deps.metrics) {
    const registry = deps.metrics;
    app.get("/metrics", async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  }
  const telegram = deps.telegram;
  if (telegram) {
    // Check the secret, record the update, answer at once; handling happens after (Telegram re-sends slow answers).
    app.post("/telegram/webhook", async (request, reply) => {
      if (!sameSecret(request.headers["x-telegram-bot-api-secret-token"] as string | undefined, telegram.secret)) {
        return reply.code(401).send({ ok: false });
      }
      const update = request.body as { update_id?: unknown } | null;
      if (!update || typeof update.update_id !== "number") return reply.code(400).send({ ok: false });
      const fresh = await telegram.accept(update as { update_id: number });
      if (fresh) setImmediate(() => telegram.process(update as { update_id: number }));
      return reply.code(200).send({ ok: true });
    });
  }
  return app;
}
