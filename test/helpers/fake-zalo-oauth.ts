// OAuth v4 for an OA, as the fake Zalo plays it: PKCE authorisation codes, a single-use
// rotating refresh token, access tokens that stay valid until their own expiry.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { oauthFail, redirect, type Reply, tokens } from "./fake-zalo-wire.js";

export interface OAuthConfig {
  readonly appId: string;
  readonly appSecret: string;
  readonly oaId: string;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  readonly now: () => Date;
}

/** Whether an access token may call the OA API: 0, or the Zalo error for it. */
export type AccessCheck = 0 | -216 | -220;

const CODE_TTL_MS = 10 * 60_000;
const token = (bytes: number) => randomBytes(bytes).toString("base64url");

export function createOAuth(config: OAuthConfig) {
  const access = new Map<string, number>(); // token → expiry (ms, fake clock)
  const codes = new Map<string, { challenge: string; issuedAt: number; used: boolean }>();
  let refresh: { token: string; expiresAt: number } | null = null;
  const now = () => config.now().getTime();

  const newRefresh = (): string => {
    refresh = { token: token(64), expiresAt: now() + config.refreshTtlSeconds * 1000 };
    return refresh.token;
  };

  /** A fresh pair: the new refresh token replaces the old one; older access tokens live on until their expiry. */
  const issue = (): Reply => {
    const accessToken = token(96);
    access.set(accessToken, now() + config.accessTtlSeconds * 1000);
    return tokens(accessToken, newRefresh(), config.accessTtlSeconds, config.refreshTtlSeconds);
  };

  const refreshGrant = (form: URLSearchParams): Reply => {
    const given = form.get("refresh_token");
    if (refresh === null || given !== refresh.token || now() >= refresh.expiresAt) {
      return oauthFail(-14014, "Invalid refresh token.", refresh !== null && given === refresh.token ? "Refresh token has expired" : "Refresh token is invalid or was already used");
    }
    return issue();
  };

  const codeGrant = (form: URLSearchParams): Reply => {
    const code = codes.get(form.get("code") ?? "");
    if (!code || code.used || now() - code.issuedAt >= CODE_TTL_MS) return oauthFail(-14019, "Invalid authorization code.", "Code is unknown, used or expired");
    code.used = true;
    const challenge = createHash("sha256").update(form.get("code_verifier") ?? "").digest("base64url");
    if (challenge !== code.challenge) return oauthFail(-14022, "Invalid code verifier.", "code_verifier does not match code_challenge");
    return issue();
  };

  return {
    grantRefreshToken: newRefresh,
    currentRefreshToken: (): string | null => refresh?.token ?? null,
    expireAccessTokens(): void {
      for (const key of access.keys()) access.set(key, -Infinity);
    },
    checkAccess(accessToken: string | undefined): AccessCheck {
      const expiresAt = access.get(accessToken ?? "");
      if (expiresAt === undefined) return -216;
      return now() >= expiresAt ? -220 : 0;
    },

    /** POST /v4/oa/access_token (form body, app secret in the `secret_key` header). */
    tokenEndpoint(headers: IncomingHttpHeaders, raw: Buffer): Reply {
      if (headers["secret_key"] !== config.appSecret) return oauthFail(-14002, "Invalid app secret");
      const form = new URLSearchParams(raw.toString("utf8"));
      if (form.get("app_id") !== config.appId) return oauthFail(-14001, "Invalid app id");
      const grant = form.get("grant_type");
      if (grant === "refresh_token") return refreshGrant(form);
      if (grant === "authorization_code") return codeGrant(form);
      return oauthFail(-14004, "Invalid grant type", `Unsupported grant_type ${JSON.stringify(grant)}`);
    },

    /** GET /v4/oa/permission: the admin approves at once; back to redirect_uri with a code. */
    permission(url: URL): Reply {
      const q = url.searchParams;
      if (q.get("app_id") !== config.appId) return oauthFail(-14001, "Invalid app id");
      let target: URL;
      try {
        target = new URL(q.get("redirect_uri") ?? "");
      } catch {
        return oauthFail(-14003, "Invalid redirect uri");
      }
      const challenge = q.get("code_challenge");
      if (!challenge) return oauthFail(-14003, "Invalid parameter", "code_challenge is required");
      const code = token(48);
      codes.set(code, { challenge, issuedAt: now(), used: false });
      target.searchParams.set("code", code);
      target.searchParams.set("oa_id", config.oaId);
      const state = q.get("state");
      if (state !== null) target.searchParams.set("state", state);
      return redirect(target.toString());
    },
  };
}

export type FakeOAuth = ReturnType<typeof createOAuth>;
