import type { ChannelTokens, TokenInput, TokenRepo } from "../../bot/ports/credentials.js";
import type { Locks } from "../../bot/ports/locks.js";
import type { LogPort } from "../../bot/session.js";
import type { AccessTokenSource } from "./client.js";
import { ZaloApiError, ZaloAuthError } from "./errors.js";
import type { ZaloOAuth } from "./oauth.js";

export { ZaloAuthError };

export interface TokenKeeperDeps {
  readonly repo: TokenRepo;
  /** The refresh runs under a lock shared by every instance (a PostgreSQL advisory lock). */
  readonly locks: Locks;
  readonly oauth: ZaloOAuth;
  /** The OA id. */
  readonly account: string;
  readonly now: () => Date;
  readonly log: LogPort;
  /** A refresh failed for good: tell the admins (once per failure; the keeper does not try that token again). */
  readonly onFailure: (reason: string) => Promise<void>;
  /** Refresh when the access token has less than this left (default 6 hours). */
  readonly refreshAheadMs?: number;
  /** A refresh token from the Zalo developer console, used only while nothing is stored. */
  readonly seedRefreshToken?: string;
}

export interface TokenKeeper extends AccessTokenSource {
  /** The scheduled check: refresh ahead of expiry. */
  check(): Promise<"fresh" | "refreshed" | "missing" | "failed">;
  /** Tokens from an authorisation (the OAuth callback). */
  authorised(tokens: TokenInput, actor: string): Promise<void>;
  status(): Promise<{ readonly state: "ok" | "missing" | "failed"; readonly accessExpiresAt: Date | null; readonly failure: string | null }>;
}

const CHANNEL = "zalo";
/** After a refresh failed for a passing reason (Zalo unreachable), the next try waits this long. */
const REFRESH_RETRY_MS = 60_000;

/**
 * Keeps the OA's access token fresh. Zalo's refresh tokens work once and
 * rotate on every refresh, so only one refresher may run at a time across
 * instances (a lock in the database, which the server frees if its holder
 * dies), it re-reads the stored tokens once it holds the lock (another
 * instance may have refreshed meanwhile), and the
 * new pair is saved before the new access token is used: a crash after the
 * refresh cannot lose the only valid refresh token.
 */
export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const ahead = deps.refreshAheadMs ?? 6 * 3_600_000;
  const lock = `zalo-token:${deps.account}`;
  let cache: ChannelTokens | null = null;
  let inflight: Promise<string> | null = null;
  /** After a refresh failed for a passing reason, the still-valid token is used until then before trying again. */
  let quietUntil = 0;
  /** Why Zalo refused the seed refresh token: with nothing stored there is no row to mark failed, so it is remembered here. */
  let seedRefused: string | null = null;

  const left = (t: ChannelTokens) => t.accessExpiresAt.getTime() - deps.now().getTime();
  const load = async () => (cache = await deps.repo.get(CHANNEL, deps.account));

  /** Stored tokens another caller made that serve this request: not the refused one, and with enough time left. */
  const serves = (t: ChannelTokens | null, refused: string | null): string | null => {
    if (t === null || t.failure !== null) return null;
    const good = refused === null ? left(t) > ahead : t.accessToken !== refused && left(t) > 0;
    return good ? t.accessToken : null;
  };

  async function refreshLocked(refused: string | null): Promise<string> {
    const stored = await load();
    const ready = serves(stored, refused);
    if (ready) return ready;
    if (stored?.failure) throw new ZaloAuthError(`the Zalo OA must be authorised again: ${stored.failure}`);
    const refreshToken = stored?.refreshToken ?? deps.seedRefreshToken;
    if (!refreshToken) throw new ZaloAuthError("the Zalo OA has not been authorised yet (dti zalo authorize)");
    if (!stored && seedRefused) throw new ZaloAuthError(`the Zalo OA must be authorised again: ${seedRefused}`);
    let grant: TokenInput;
    try {
      grant = await deps.oauth.refresh(refreshToken);
    } catch (error) {
      if (!(error instanceof ZaloApiError)) throw error;
      // Zalo refused the refresh token (used, expired or revoked): nothing but a new authorisation helps.
      const reason = `${error.errorCode}: ${error.message}`;
      // Only the pair that was refused: tokens saved meanwhile (a new authorisation) stay good.
      if (stored) await deps.repo.markFailed(CHANNEL, deps.account, reason, deps.now(), stored.version).catch(() => undefined);
      if (!stored) seedRefused = reason;
      deps.log.error({ account: deps.account, errorCode: error.errorCode }, "zalo: refresh token refused; an admin must authorise the OA again");
      await deps.onFailure(reason).catch((e: unknown) => deps.log.error({ error: (e as Error).message }, "zalo: could not tell the admins"));
      cache = await deps.repo.get(CHANNEL, deps.account).catch(() => cache);
      throw new ZaloAuthError(`the Zalo OA must be authorised again: ${reason}`);
    }
    cache = await deps.repo.save(CHANNEL, deps.account, grant, "zalo-token-keeper", deps.now());
    deps.log.info({ account: deps.account, accessExpiresAt: grant.accessExpiresAt.toISOString() }, "zalo: access token refreshed");
    return cache.accessToken;
  }

  /** One refresh at a time in this process, and across instances through the lock. */
  function refresh(refused: string | null): Promise<string> {
    // refreshLocked reads the stored pair first: another instance may have refreshed while this one waited.
    inflight ??= deps.locks.withLock(lock, () => refreshLocked(refused)).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  return {
    async current() {
      // A failure seen here may have been mended elsewhere (an admin authorised again through another instance).
      const t = cache && !cache.failure ? cache : await load();
      if (t && left(t) > ahead) return t.accessToken;
      if (t && left(t) > 0 && deps.now().getTime() < quietUntil) return t.accessToken;
      if (t?.failure) {
        if (left(t) > 0) return t.accessToken;
        throw new ZaloAuthError(`the Zalo OA must be authorised again: ${t.failure}`);
      }
      try {
        return await refresh(null);
      } catch (error) {
        // The refresh failed (the admins are told when it is for good): the old token still works for a while.
        if (t && left(t) > 0) {
          if (!(error instanceof ZaloAuthError)) quietUntil = deps.now().getTime() + REFRESH_RETRY_MS;
          deps.log.warn({ error: (error as Error).message }, "zalo: refresh failed, the current token is used meanwhile");
          return t.accessToken;
        }
        throw error;
      }
    },
    refused: (token) => refresh(token),
    async check() {
      const t = await load();
      if (!t && !deps.seedRefreshToken) return "missing";
      if (t?.failure) return "failed";
      if (t && left(t) > ahead) return "fresh";
      try {
        await refresh(null);
        return "refreshed";
      } catch (error) {
        if (error instanceof ZaloAuthError) return "failed";
        throw error;
      }
    },
    async authorised(tokens, actor) {
      // Under the refresh lock, so a refresh in flight elsewhere cannot overwrite or fail the new pair.
      await deps.locks.withLock(lock, async () => {
        cache = await deps.repo.save(CHANNEL, deps.account, tokens, actor, deps.now());
        seedRefused = null;
        quietUntil = 0;
      });
    },
    async status() {
      const t = await load();
      if (!t) return { state: "missing", accessExpiresAt: null, failure: null };
      return { state: t.failure ? "failed" : "ok", accessExpiresAt: t.accessExpiresAt, failure: t.failure };
    },
  };
}
