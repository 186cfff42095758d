import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { ChannelTokens, TokenRepo } from "../bot/ports/credentials.js";
import type { ChannelName } from "../bot/ports/records.js";
import { AppError } from "../errors.js";
import { audit } from "./audit.js";
import type { Db } from "./client.js";
import { transact } from "./transact.js";

/** The setting that holds the secret; named in every error so the operator knows what to fix. */
const KEY_SETTING = "ZALO_TOKEN_KEY";
// Fixed HKDF inputs naming this purpose: the same secret used elsewhere gives an unrelated key.
const HKDF_SALT = "dti-bot/channel-tokens/salt/v1";
const HKDF_INFO = "dti-bot/channel-tokens/aes-256-gcm/v1";
const FORMAT = "v1";
const IV_BYTES = 12; // the GCM nonce size NIST SP 800-38D recommends
const TAG_BYTES = 16;
/** Authorisations not finished within a day are forgotten when a new one starts. */
const AUTH_STATE_KEEP_MS = 86_400_000;
/** A failure reason is a platform's error text; a long one is cut so the row and the audit stay small. */
const MAX_REASON_CHARS = 1000;

/**
 * Seals strings with AES-256-GCM as `v1:<iv>:<tag>:<ciphertext>` (base64url),
 * a fresh random IV each time. `context` (which row and column the value is
 * for) is authenticated too, so a value copied into another row does not open.
 */
interface Sealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string, what: string): string;
}

function missingKey(what: string): AppError {
  return new AppError("TOKEN_KEY_MISSING", `Cannot ${what}: ${KEY_SETTING} is not set; set it to a long random secret to keep channel tokens encrypted`);
}

function createSealer(secret: string | undefined): Sealer {
  const key = secret ? Buffer.from(hkdfSync("sha256", secret, HKDF_SALT, HKDF_INFO, 32)) : null;
  return {
    seal(plain, context) {
      if (!key) throw missingKey("store channel tokens");
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(context, "utf8"));
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
    },
    open(sealed, context, what) {
      if (!key) throw missingKey(`read ${what}`);
      const [format, iv, tag, data, ...rest] = sealed.split(":");
      if (format !== FORMAT || iv === undefined || tag === undefined || data === undefined || rest.length > 0) {
        throw new AppError("TOKEN_FORMAT", `Cannot read ${what}: the stored value is not in the ${FORMAT} format`);
      }
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES })
          .setAAD(Buffer.from(context, "utf8"))
          .setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      } catch (cause) {
        throw new AppError("TOKEN_KEY_MISMATCH",
          `Cannot decrypt ${what}: it was encrypted with a different ${KEY_SETTING} (or altered); restore that key or authorise the account again`,
          { cause });
      }
    },
  };
}

const target = (channel: ChannelName, account: string) => `${channel}:${account}`;

/**
 * Channel OAuth tokens and PKCE verifiers, encrypted at rest with a key
 * derived from `secret` (ZALO_TOKEN_KEY). Without it nothing can be saved,
 * and stored values cannot be read.
 */
export function createTokenRepo(db: Db, secret: string | undefined): TokenRepo {
  const sealer = createSealer(secret);
  return {
    async get(channel, account) {
      const row = await db.channelToken.findUnique({ where: { channel_account: { channel, account } } });
      if (!row) return null;
      const what = `the ${channel} tokens of account ${account}`;
      return {
        channel, account,
        accessToken: sealer.open(row.accessTokenEnc, `${target(channel, account)}:access`, what),
        refreshToken: sealer.open(row.refreshTokenEnc, `${target(channel, account)}:refresh`, what),
        accessExpiresAt: row.accessExpiresAt, refreshExpiresAt: row.refreshExpiresAt, updatedAt: row.updatedAt,
        version: row.version, failure: row.failure, failedAt: row.failedAt,
      };
    },
    async save(channel, account, tokens, actor, now) {
      const accessTokenEnc = sealer.seal(tokens.accessToken, `${target(channel, account)}:access`);
      const refreshTokenEnc = sealer.seal(tokens.refreshToken, `${target(channel, account)}:refresh`);
      const { accessExpiresAt, refreshExpiresAt } = tokens;
      const fields = { accessTokenEnc, refreshTokenEnc, accessExpiresAt, refreshExpiresAt, failure: null, failedAt: null, updatedAt: now };
      return transact(db, async (tx) => {
        const row = await tx.channelToken.upsert({
          where: { channel_account: { channel, account } },
          create: { channel, account, ...fields, version: 1, createdAt: now },
          update: { ...fields, version: { increment: 1 } },
        });
        // Never the token values: the audit log is read by people and copied into reports.
        await audit(tx, actor, "channel.tokens_saved", target(channel, account), {
          channel, account, accessExpiresAt: accessExpiresAt.toISOString(), refreshExpiresAt: refreshExpiresAt?.toISOString() ?? null,
          version: row.version,
        });
        return {
          channel, account, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, accessExpiresAt, refreshExpiresAt,
          updatedAt: row.updatedAt, version: row.version, failure: null, failedAt: null,
        } satisfies ChannelTokens;
      });
    },
    async markFailed(channel, account, reason, now, version) {
      const failure = reason.slice(0, MAX_REASON_CHARS);
      await transact(db, async (tx) => {
        const where = { channel, account, ...(version !== undefined && { version }) };
        const marked = await tx.channelToken.updateMany({ where, data: { failure, failedAt: now } });
        if (marked.count > 0) {
          await audit(tx, "system", "channel.tokens_failed", target(channel, account), { channel, account, reason: failure, failedAt: now.toISOString() });
        }
      });
    },
    async saveAuthState(state, verifier, now) {
      const sealed = sealer.seal(verifier, `oauth-state:${state}`);
      await db.oAuthState.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - AUTH_STATE_KEEP_MS) } } });
      await db.oAuthState.create({ data: { state, verifier: sealed, createdAt: now } });
    },
    async takeAuthState(state, now, maxAgeMs) {
      const row = await db.oAuthState.findUnique({ where: { state } });
      if (!row) return null;
      // The delete is the one step only a single caller can win: whoever removes the row gets the verifier.
      const taken = await db.oAuthState.deleteMany({ where: { state } });
      if (taken.count === 0 || now.getTime() - row.createdAt.getTime() >= maxAgeMs) return null;
      return sealer.open(row.verifier, `oauth-state:${state}`, "the verifier of an OAuth authorisation in progress");
    },
  };
}
