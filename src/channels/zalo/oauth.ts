import { createHash, randomBytes } from "node:crypto";
import type { TokenInput } from "../../bot/ports/credentials.js";
import { ZaloApiError } from "./errors.js";
import { zaloFetch } from "./http.js";

/** OAuth v4 for Official Accounts (docs/channels.md A5). */
export const ZALO_OAUTH_BASE = "https://oauth.zaloapp.com";
const TOKEN_ENDPOINT = "/v4/oa/access_token";
/** Access tokens last 25 hours and refresh tokens 3 months, when the answer does not say. */
const DEFAULT_ACCESS_TTL_S = 90_000;
const DEFAULT_REFRESH_TTL_S = 7_776_000;

export interface ZaloOAuthDeps {
  readonly fetch: typeof fetch;
  readonly appId: string;
  /** The app's secret key, sent in the `secret_key` header. */
  readonly appSecret: string;
  readonly base?: string;
  readonly now: () => Date;
}

export interface ZaloOAuth {
  /** Where an OA admin approves the app; comes back to `redirectUri` with `code` and `state`. */
  permissionUrl(redirectUri: string, state: string, verifier: string): string;
  exchange(code: string, verifier: string): Promise<TokenInput>;
  /** A new pair for a refresh token, which Zalo then invalidates. */
  refresh(refreshToken: string): Promise<TokenInput>;
}

const base64url = (data: Buffer) => data.toString("base64url");

/** PKCE: a 43-character verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = base64url(randomBytes(32));
  return { verifier, challenge: pkceChallenge(verifier) };
}
export const pkceChallenge = (verifier: string): string => base64url(createHash("sha256").update(verifier).digest());

export function createZaloOAuth(deps: ZaloOAuthDeps): ZaloOAuth {
  const base = deps.base ?? ZALO_OAUTH_BASE;

  async function grant(form: Record<string, string>): Promise<TokenInput> {
    const body = await zaloFetch(deps.fetch, TOKEN_ENDPOINT, `${base}${TOKEN_ENDPOINT}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "secret_key": deps.appSecret },
      body: new URLSearchParams({ app_id: deps.appId, ...form }).toString(),
    }, 30_000);
    // Some answers nest the tokens under `data`; an empty answer (a used refresh token, reportedly) is a failure too.
    const fields = (typeof body["access_token"] === "string" ? body : (body["data"] ?? {})) as Record<string, unknown>;
    const access = fields["access_token"];
    const refresh = fields["refresh_token"];
    if (typeof access !== "string" || typeof refresh !== "string" || access === "" || refresh === "") {
      const code = Number(body["error"] ?? -14014);
      const reason = [body["error_name"], body["error_reason"], body["error_description"], body["message"]].filter((v) => typeof v === "string" && v !== "");
      throw new ZaloApiError(TOKEN_ENDPOINT, code < 0 ? code : -14014, reason.join(" — ") || "no token in the answer");
    }
    const now = deps.now().getTime();
    const seconds = (value: unknown, fallback: number) => (Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
    return {
      accessToken: access,
      refreshToken: refresh,
      accessExpiresAt: new Date(now + seconds(fields["expires_in"], DEFAULT_ACCESS_TTL_S) * 1000),
      refreshExpiresAt: new Date(now + seconds(fields["refresh_token_expires_in"], DEFAULT_REFRESH_TTL_S) * 1000),
    };
  }

  return {
    permissionUrl(redirectUri, state, verifier) {
      const query = new URLSearchParams({ app_id: deps.appId, redirect_uri: redirectUri, code_challenge: pkceChallenge(verifier), state });
      return `${base}/v4/oa/permission?${query.toString()}`;
    },
    exchange: (code, verifier) => grant({ grant_type: "authorization_code", code, code_verifier: verifier }),
    refresh: (refreshToken) => grant({ grant_type: "refresh_token", refresh_token: refreshToken }),
  };
}
