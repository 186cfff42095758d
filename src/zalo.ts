import { alertAdmins } from "./bot/notify/alerts.js";
import type { Core } from "./bot/core.js";
import type { OutboxKind, Sender } from "./bot/ports/delivery.js";
import type { ChannelMetrics } from "./bot/ports/metrics.js";
import type { Store } from "./bot/ports/store.js";
import { line } from "./bot/reply.js";
import type { LogPort } from "./bot/session.js";
import { createZaloChannel, type ZaloChannel } from "./channels/zalo/channel.js";
import { createZaloClient } from "./channels/zalo/client.js";
import { createZaloOAuth } from "./channels/zalo/oauth.js";
import { createZaloSender } from "./channels/zalo/sender.js";
import { createTokenKeeper, type TokenKeeper } from "./channels/zalo/tokens.js";
import type { UpdateIntake } from "./bot/ports/intake.js";
import { verifyWebhook } from "./channels/zalo/webhook.js";
import type { Config } from "./config.js";
import type { ZaloOAuthCallback, ZaloWebhook } from "./http/server.js";
import type { I18n } from "./i18n/index.js";

export interface Zalo {
  readonly keeper: TokenKeeper;
  /** Zalo's servers as last seen by this process: whether the last call got an answer, and since when. */
  api(): { reachable: boolean; since: Date };
  readonly sender: Sender;
  channel(core: Core, metrics: ChannelMetrics): ZaloChannel;
  webhook(channel: ZaloChannel): ZaloWebhook;
  readonly oauthCallback: ZaloOAuthCallback;
}

/** An authorisation link is good for 10 minutes (Zalo's codes too). */
const AUTH_STATE_MAX_AGE_MS = 600_000;

/**
 * The Zalo OA, assembled from configuration: the token keeper, the client,
 * the delivery queue's sender, the channel, the webhook and the OAuth
 * callback. Null when ZALO_APP_ID is not set.
 */
export function createZalo(deps: {
  config: Config; store: Store; i18n: I18n; now: () => Date; log: LogPort; wake: () => void; fetch?: typeof fetch;
  /** PostgreSQL: events are queued for whichever instance is free. */
  intake?: UpdateIntake;
}): Zalo | null {
  const { config, store, i18n, now, log } = deps;
  if (!config.ZALO_APP_ID || !config.ZALO_APP_SECRET || !config.ZALO_OA_ID || !config.ZALO_OA_SECRET_KEY) return null;
  const rawFetch = deps.fetch ?? fetch;
  // Every call to Zalo's servers (API and OAuth) tells whether they answer: /readyz reports it.
  let reachable = true;
  let since = now();
  const seen = (answered: boolean) => {
    if (answered !== reachable) since = now();
    reachable = answered;
  };
  const fetchFn: typeof fetch = async (input, init) => {
    try {
      const response = await rawFetch(input, init);
      seen(response.status < 500);
      return response;
    } catch (error) {
      seen(false);
      throw error;
    }
  };
  const appId = config.ZALO_APP_ID;
  const oaSecretKey = config.ZALO_OA_SECRET_KEY;
  const oauth = createZaloOAuth({
    fetch: fetchFn, appId, appSecret: config.ZALO_APP_SECRET, now, ...(config.ZALO_OAUTH_ROOT && { base: config.ZALO_OAUTH_ROOT }),
  });
  const keeper = createTokenKeeper({
    repo: store.tokens, locks: store.locks, oauth, account: config.ZALO_OA_ID, now, log,
    ...(config.ZALO_REFRESH_TOKEN && { seedRefreshToken: config.ZALO_REFRESH_TOKEN }),
    // Only Telegram can carry this: Zalo is what is broken.
    onFailure: (reason) => alertAdmins({ store, wake: deps.wake }, "zalo-auth", [line("notify-zalo-reauthorize", { reason })], ["telegram"], now())
      .then(() => undefined),
  });
  const client = createZaloClient({ fetch: fetchFn, tokens: keeper, ...(config.ZALO_API_ROOT && { apiBase: config.ZALO_API_ROOT }) });
  // One policy for replies and pushes: if Zalo refuses buttons once, both write the choices out.
  const options = { buttons: { mode: config.ZALO_BUTTONS }, textLimit: config.ZALO_TEXT_LIMIT };
  return {
    keeper,
    api: () => ({ reachable, since }),
    sender: createZaloSender({
      client, i18n, now, windowHours: config.ZALO_WINDOW_HOURS, ...options,
      promotionKinds: new Set(config.ZALO_PROMOTION_KINDS.split(",").filter(Boolean) as OutboxKind[]),
    }),
    channel: (core, metrics) => createZaloChannel({
      client, core, i18n, inbox: store.inbox, identities: store.identities, outbox: store.outbox, log, metrics, now, ...options,
      ...(deps.intake && { intake: deps.intake }),
    }),
    webhook: (channel) => ({
      async accept(raw, signature) {
        const maxAgeMs = config.ZALO_WEBHOOK_MAX_AGE_SECONDS * 1000;
        const verdict = verifyWebhook(raw, signature, { appId, oaSecretKey, maxAgeMs, now: now() });
        // Counted and logged (at most once a minute) by the HTTP server: forged requests must not flood the log.
        if (!verdict.ok) return { outcome: "rejected", reason: verdict.reason };
        let state: "new" | "queued" | "done";
        try {
          state = await channel.accept(verdict.event);
        } catch (error) {
          // Not even recorded (the database cannot write): the person is told to send it again later, and Zalo gets
          // its 200. If they cannot be told either, Zalo is left to deliver the event again.
          log.error({ error: (error as Error).message }, "zalo: event not recorded");
          await channel.tellFailure(verdict.event, error);
          return { outcome: "ignored" };
        }
        if (state === "done") return { outcome: "duplicate" };
        return state === "queued" ? { outcome: "new" } : { outcome: "new", handle: () => void channel.process(verdict.event) };
      },
    }),
    oauthCallback: {
      async complete(code, state, oaId) {
        const verifier = await store.tokens.takeAuthState(state, now(), AUTH_STATE_MAX_AGE_MS);
        if (!verifier) return { ok: false, message: i18n.t("vi", "zalo-authorize-expired") };
        // An admin of another OA approved: its tokens must not be kept as this OA's.
        if (oaId && oaId !== config.ZALO_OA_ID) return { ok: false, message: i18n.t("vi", "zalo-authorize-wrong-oa", { given: oaId, expected: config.ZALO_OA_ID! }) };
        try {
          await keeper.authorised(await oauth.exchange(code, verifier), "zalo-oauth");
          log.info({ account: config.ZALO_OA_ID }, "zalo: the OA authorised DTI Bot");
          return { ok: true, message: i18n.t("vi", "zalo-authorized") };
        } catch (error) {
          log.error({ error: (error as Error).message }, "zalo: authorisation code refused");
          return { ok: false, message: i18n.t("vi", "zalo-authorize-failed", { reason: (error as Error).message }) };
        }
      },
    },
  };
}
