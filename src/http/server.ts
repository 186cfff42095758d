import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Logger } from "../logger.js";

export interface HealthReport {
  readonly status: "ok" | "degraded";
  readonly checks: Readonly<Record<string, string>>;
}

export interface HttpDeps {
  readonly logger: Logger;
  readonly health: () => Promise<HealthReport>;
}

/** The service's one HTTP server: health now; metrics and webhooks join it in later releases. */
export function createHttpServer(deps: HttpDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: "http" }) as FastifyBaseLogger,
    // Health probes and webhooks arrive every few seconds; log failures, not every request.
    logController: new LogController({ disableRequestLogging: (req: { url?: string }) => req.url === "/healthz" }),
  });
  app.get("/healthz", async (_request, reply) => {
    const report = await deps.health();
    return reply.code(report.status === "ok" ? 200 : 503).send(report);
  });
  return app;
}
