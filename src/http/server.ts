import { timingSafeEqual } from "node:crypto";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import type { Registry } from "prom-client";
import type { Logger } from "../logger.js";
import type { ReadinessReport } from "../runtime/readiness.js";
import type { Refusals } from "./refusals.js";

export interface TelegramWebhook {
  readonly secret: string;
  /** Record the update; false when it was already handled (Telegram re-sent it). */
  accept(update: { update_id: number }): Promise<boolean>;
  /** Handle a recorded update, after the HTTP answer has gone. */
  process(update: { update_id: number }): void;
}

export interface ZaloWebhook {
  /**
   * Check the signature over the raw bytes, the app and the age, and record
   * the event; `handle` (for a new event) runs after the HTTP answer has gone.
   */
  accept(rawBody: Buffer, signature: string | undefined): Promise<
    | { readonly outcome: "new" | "duplicate" | "ignored"; readonly handle?: () => void }
    | { readonly outcome: "rejected"; readonly reason: string }
  >;
}

export interface ZaloOAuthCallback {
  /** Exchange the code of an authorisation started with `dti zalo authorize`; a message for the admin's browser. */
  complete(code: string, state: string, oaId: string | undefined): Promise<{ ok: boolean; message: string }>;
}

export interface HttpDeps {
  readonly logger: Logger;
  /** Each dependency in plain words, and whether the service is ready to serve (see src/runtime/readiness.ts). */
  readonly ready: () => Promise<ReadinessReport>;
  readonly metrics?: Registry;
  readonly telegram?: TelegramWebhook;
  readonly zalo?: ZaloWebhook;
  readonly zaloOAuth?: ZaloOAuthCallback;
  /** Refused webhook requests (a wrong secret, a forged signature): counted, and logged at most once a minute. */
  readonly refusals?: Refusals;
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
  // Liveness: the event loop answers. Nothing else is looked at, so a restart is never asked for a database outage.
  app.get("/livez", async (_request, reply) => reply.code(200).send({ status: "alive" }));
  // Readiness (and /healthz, its older name): 503 with every failing dependency named in plain words. The details
  // of a failure go to the log, never into the answer.
  const ready = async (_request: unknown, reply: FastifyReply) => {
    const report = await deps.ready();
    return reply.code(report.status === "ready" ? 200 : 503).header("cache-control", "no-store").send(report);
  };
  app.get("/readyz", ready);
  app.get("/healthz", ready);
  if (deps.metrics) {
    const registry = deps.metrics;
    app.get("/metrics", async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  }
  const telegram = deps.telegram;
  if (telegram) {
    // Check the secret, record the update, answer at once; handling happens after (Telegram re-sends slow answers).
    app.post("/telegram/webhook", async (request, reply) => {
      if (!sameSecret(request.headers["x-telegram-bot-api-secret-token"] as string | undefined, telegram.secret)) {
        deps.refusals?.refused("telegram", "secret");
        return reply.code(401).send({ ok: false });
      }
      const update = request.body as { update_id?: unknown } | null;
      if (!update || typeof update.update_id !== "number") return reply.code(400).send({ ok: false });
      const fresh = await telegram.accept(update as { update_id: number });
      if (fresh) setImmediate(() => telegram.process(update as { update_id: number }));
      return reply.code(200).send({ ok: true });
    });
  }
  const zalo = deps.zalo;
  if (zalo) {
    // Its own scope: the signature is computed over the exact bytes, so this route reads the body as a buffer.
    void app.register(async (scope) => {
      scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
      scope.post("/webhooks/zalo", async (request, reply) => {
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const verdict = await zalo.accept(raw, request.headers["x-zevent-signature"] as string | undefined);
        if (verdict.outcome === "rejected") {
          deps.refusals?.refused("zalo", verdict.reason);
          return reply.code(401).send({ error: -1, message: verdict.reason === "stale" || verdict.reason === "future" ? "request out of date" : "request refused" });
        }
        // Zalo wants an answer within about 2 seconds: handling happens after it.
        if (verdict.handle) setImmediate(verdict.handle);
        return reply.code(200).send({ error: 0, message: "Success" });
      });
    });
  }
  const oauth = deps.zaloOAuth;
  if (oauth) {
    app.get("/zalo/oauth", async (request, reply) => {
      const query = request.query as { code?: string; state?: string; oa_id?: string };
      if (!query.code || !query.state) return reply.code(400).type("text/plain; charset=utf-8").send("Thiếu mã uỷ quyền (code, state).");
      const result = await oauth.complete(query.code, query.state, query.oa_id);
      return reply.code(result.ok ? 200 : 400).type("text/plain; charset=utf-8").send(result.message);
    });
  }
  return app;
}
