import type { ChannelName } from "./records.js";

/**
 * A channel account's OAuth tokens (a Zalo Official Account). The store
 * keeps them encrypted at rest; callers see plain values and must never log
 * them.
 */
export interface ChannelTokens {
  readonly channel: ChannelName;
  /** The account on the channel, e.g. the OA id. */
  readonly account: string;
  readonly accessToken: string;
  /** Single use on Zalo: each refresh returns a new one and invalidates this one. */
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  readonly refreshExpiresAt: Date | null;
  readonly updatedAt: Date;
  /** Grows by one with every save; tells a reader whether someone else refreshed meanwhile. */
  readonly version: number;
  /** Why the last refresh failed (the account must be authorised again), until a save clears it. */
  readonly failure: string | null;
  readonly failedAt: Date | null;
}

export interface TokenInput {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: Date;
  readonly refreshExpiresAt: Date | null;
}

export interface TokenRepo {
  get(channel: ChannelName, account: string): Promise<ChannelTokens | null>;
  /**
   * Store a new pair (first authorisation or a rotation), clear any failure,
   * and write an audit record without the token values, in one transaction.
   * The caller holds the refresh lock.
   */
  save(channel: ChannelName, account: string, tokens: TokenInput, actor: string, now: Date): Promise<ChannelTokens>;
  /**
   * The refresh failed for good: keep the tokens, record why (audited). With `version`, only if the stored
   * pair is still that one (a pair saved meanwhile, by a new authorisation, is not marked).
   */
  markFailed(channel: ChannelName, account: string, reason: string, now: Date, version?: number): Promise<void>;
  /** Remember a PKCE verifier for an authorisation in progress (encrypted like the tokens; ones older than a day may be forgotten). */
  saveAuthState(state: string, verifier: string, now: Date): Promise<void>;
  /** The verifier of an authorisation started less than `maxAgeMs` ago, once; null when unknown, used or too old. */
  takeAuthState(state: string, now: Date, maxAgeMs: number): Promise<string | null>;
}
