import type { FastifyInstance } from "fastify";
import type { Core } from "../../src/bot/core.js";
import type { UpdateIntake } from "../../src/bot/ports/intake.js";
import { NO_METRICS } from "../../src/bot/ports/metrics.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import { parseConfig } from "../../src/config.js";
import type { Refusals } from "../../src/http/refusals.js";
import { createHttpServer } from "../../src/http/server.js";
import { createLogger } from "../../src/logger.js";
import { createZalo, type Zalo } from "../../src/zalo.js";
import { QUIET, TEST_TOKEN_KEY, type ChatFixture } from "./chat.js";
import type { FakeZalo } from "./fake-zalo.js";

export interface ZaloWebhookServer {
  readonly zalo: Zalo;
  readonly channel: ZaloChannel;
  /** The HTTP server's address, and its Zalo webhook. */
  readonly base: string;
  readonly hook: string;
  close(): Promise<void>;
}

/**
 * The Zalo OA as the service assembles it (config, token keeper, channel),
 * on the real HTTP server with the webhook and the OAuth callback, against
 * the fake Zalo server; events go to `core` (the fixture's by default).
 */
export async function zaloWebhookServer(
  fixture: ChatFixture, fake: FakeZalo, core: Core = fixture.core, options: { refusals?: Refusals; intake?: UpdateIntake } = {},
): Promise<ZaloWebhookServer> {
  const config = parseConfig({
    ZALO_APP_ID: fake.appId, ZALO_APP_SECRET: fake.appSecret, ZALO_OA_ID: fake.oaId, ZALO_OA_SECRET_KEY: fake.oaSecretKey,
    ZALO_TOKEN_KEY: TEST_TOKEN_KEY, ZALO_API_ROOT: fake.url, ZALO_OAUTH_ROOT: fake.url, ZALO_REFRESH_TOKEN: fake.grantRefreshToken(),
  });
  const zalo = createZalo({ config, store: fixture.store, i18n: fixture.i18n, now: () => fixture.clock.now, log: QUIET, wake: () => undefined,
    ...(options.intake && { intake: options.intake }),
  })!;
  const channel = zalo.channel(core, NO_METRICS);
  const http: FastifyInstance = createHttpServer({
    logger: createLogger({ level: "silent" }), ready: async () => ({ status: "ready", checks: {} }), zalo: zalo.webhook(channel), zaloOAuth: zalo.oauthCallback,
    ...(options.refusals && { refusals: options.refusals }),
  });
  const base = await http.listen({ host: "127.0.0.1", port: 0 });
  return {
    zalo, channel, base, hook: `${base}/webhooks/zalo`,
    async close() {
      await channel.stop();
      await http.close();
    },
  };
}
