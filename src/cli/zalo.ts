import { randomBytes } from "node:crypto";
import { createZaloOAuth, pkcePair } from "../channels/zalo/oauth.js";
import { formatDate } from "../i18n/index.js";
import { vnClock } from "../i18n/dates.js";
import type { CliContext } from "./context.js";

/**
 * `dti zalo authorize`: a link for the OA's admin. Opening it and approving
 * brings Zalo back to GET /zalo/oauth on the service, which exchanges the code
 * (with the PKCE verifier kept here, encrypted) for the OA's tokens.
 */
export async function zaloAuthorizeCommand(ctx: CliContext): Promise<number> {
  const { i18n, locale } = ctx;
  const zalo = ctx.zalo;
  if (!zalo) {
    ctx.err(i18n.t(locale, "cli-zalo-not-configured"));
    return 1;
  }
  if (!zalo.redirectUrl) {
    ctx.err(i18n.t(locale, "cli-zalo-no-redirect"));
    return 1;
  }
  const oauth = createZaloOAuth({
    fetch, appId: zalo.appId, appSecret: zalo.appSecret, now: ctx.now, ...(zalo.oauthRoot && { base: zalo.oauthRoot }),
  });
  const { verifier } = pkcePair();
  const state = randomBytes(16).toString("base64url");
  await (await ctx.store()).tokens.saveAuthState(state, verifier, ctx.now());
  ctx.out(i18n.t(locale, "cli-zalo-authorize", { url: oauth.permissionUrl(zalo.redirectUrl, state, verifier) }));
  return 0;
}

/** `dti zalo status [--json]`: whether the OA's tokens are there, until when, and the last failure. */
export async function zaloStatusCommand(ctx: CliContext, options: { json?: boolean }): Promise<number> {
  const { i18n, locale } = ctx;
  const zalo = ctx.zalo;
  if (!zalo) {
    ctx.err(i18n.t(locale, "cli-zalo-not-configured"));
    return 1;
  }
  const tokens = await (await ctx.store()).tokens.get("zalo", zalo.oaId);
  const state = !tokens ? "missing" : tokens.failure ? "failed" : tokens.accessExpiresAt < ctx.now() ? "expired" : "ok";
  if (options.json) {
    ctx.out(JSON.stringify({
      oaId: zalo.oaId, state, accessExpiresAt: tokens?.accessExpiresAt ?? null, refreshExpiresAt: tokens?.refreshExpiresAt ?? null,
      updatedAt: tokens?.updatedAt ?? null, failure: tokens?.failure ?? null,
    }, null, 2));
    return state === "ok" ? 0 : 1;
  }
  const when = (d: Date | null | undefined) => (d ? `${formatDate(d, locale)} ${vnClock(d)}` : "—");
  ctx.out(i18n.t(locale, "cli-zalo-status", {
    oa: zalo.oaId, state, access: when(tokens?.accessExpiresAt), refresh: when(tokens?.refreshExpiresAt), updated: when(tokens?.updatedAt),
  }));
  if (tokens?.failure) ctx.out(i18n.t(locale, "cli-zalo-failure", { reason: tokens.failure, at: when(tokens.failedAt) }));
  return state === "ok" ? 0 : 1;
}
