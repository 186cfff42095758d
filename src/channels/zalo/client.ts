import { ZaloApiError, ZaloAuthError, ZaloTransportError } from "./errors.js";
import { zaloFetch } from "./http.js";

/** Where the OA Open API lives (docs/channels.md A1). */
export const ZALO_API_BASE = "https://openapi.zalo.me";
/** The longest text of one customer-service message (A2; one source says 500, so it is configurable). */
export const ZALO_TEXT_LIMIT = 2000;
/** Buttons one message may carry (the official SDK: "only support 5 buttons"). */
export const ZALO_MAX_BUTTONS = 5;
const CALL_TIMEOUT_MS = 30_000;

/** Which kind of OA message: customer service (within the window), transaction, or promotion (never at night). */
export type ZaloMessageType = "cs" | "transaction" | "promotion";

/** A button whose tap comes back as the person's own text message with `payload` (oa.query.show). */
export interface ZaloButton {
  readonly title: string;
  readonly payload: string;
}

export interface ZaloProfile {
  readonly userId: string;
  readonly displayName: string | null;
  readonly follower: boolean;
  /** The day of the last interaction, as Zalo gives it (a day, not a time). */
  readonly lastInteractionDay: string | null;
}

/** Access tokens for the client, from the token keeper. */
export interface AccessTokenSource {
  current(): Promise<string>;
  /** Zalo refused `token`: refresh once (unless another caller already did) and give the new one. */
  refused(token: string): Promise<string>;
}

export interface ZaloClientDeps {
  readonly fetch: typeof fetch;
  readonly tokens: AccessTokenSource;
  readonly apiBase?: string;
  readonly timeoutMs?: number;
}

export interface ZaloClient {
  /** One text message, with buttons if any (at most five). */
  sendText(
    userId: string, text: string, options?: { buttons?: readonly ZaloButton[]; type?: ZaloMessageType },
  ): Promise<{ messageId: string }>;
  /** An image uploaded before (`uploadImage`), with an optional text. */
  sendImage(userId: string, attachmentId: string, options?: { text?: string; type?: ZaloMessageType }): Promise<{ messageId: string }>;
  uploadImage(data: Uint8Array, filename: string): Promise<string>;
  profile(userId: string): Promise<ZaloProfile>;
  /** One page of followers (Zalo gives at most 50 at a time). */
  followers(offset: number, count?: number): Promise<{ total: number; userIds: string[] }>;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif" };

/** A small typed client over the Zalo OA Open API v3 (no maintained SDK exists). `fetch` is injected. */
export function createZaloClient(deps: ZaloClientDeps): ZaloClient {
  const base = deps.apiBase ?? ZALO_API_BASE;
  const timeoutMs = deps.timeoutMs ?? CALL_TIMEOUT_MS;

  /**
   * A token for a call. Failing to get one is not a failed send (nothing left for Zalo): a passing failure is
   * marked as never sent, so the queue tries again; the OA needing authorisation stays what it is.
   */
  async function obtain(endpoint: string, get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (error) {
      if (error instanceof ZaloAuthError) throw error;
      throw new ZaloTransportError(endpoint, `no access token: ${(error as Error).message}`, true, error);
    }
  }

  /** A call with the current token; on an invalid or expired token, refreshed once and tried again (nothing was sent). */
  type Init = { method: "GET" | "POST"; query?: unknown; json?: unknown; form?: FormData };
  async function call(endpoint: string, init: Init): Promise<Record<string, unknown>> {
    const url = init.query === undefined ? `${base}${endpoint}` : `${base}${endpoint}?data=${encodeURIComponent(JSON.stringify(init.query))}`;
    const attempt = async (token: string) => {
      const headers: Record<string, string> = { access_token: token };
      if (init.json !== undefined) headers["content-type"] = "application/json";
      const body = init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json));
      const request = { method: init.method, headers, ...(body !== undefined && { body }) };
      const answer = await zaloFetch(deps.fetch, endpoint, url, request, timeoutMs);
      const code = Number(answer["error"] ?? 0);
      if (code !== 0) throw new ZaloApiError(endpoint, code, String(answer["message"] ?? ""));
      return (answer["data"] ?? {}) as Record<string, unknown>;
    };
    const token = await obtain(endpoint, () => deps.tokens.current());
    try {
      return await attempt(token);
    } catch (error) {
      if (!(error instanceof ZaloApiError) || error.action !== "refresh_token") throw error;
      return attempt(await obtain(endpoint, () => deps.tokens.refused(token)));
    }
  }

  const send = async (userId: string, message: Record<string, unknown>, type: ZaloMessageType = "cs") => {
    const data = await call(`/v3.0/oa/message/${type}`, { method: "POST", json: { recipient: { user_id: userId }, message } });
    return { messageId: String(data["message_id"] ?? "") };
  };

  return {
    async sendText(userId, text, options = {}) {
      const buttons = options.buttons ?? [];
      if (buttons.length > ZALO_MAX_BUTTONS) throw new RangeError(`a Zalo message carries at most ${ZALO_MAX_BUTTONS} buttons`);
      const message = buttons.length === 0
        ? { text }
        : {
            text,
            attachment: {
              type: "template",
              payload: { template_type: "button", buttons: buttons.map((b) => ({ title: b.title, type: "oa.query.show", payload: b.payload })) },
            },
          };
      return send(userId, message, options.type);
    },
    sendImage(userId, attachmentId, options = {}) {
      return send(userId, {
        ...(options.text && { text: options.text }),
        attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: attachmentId }] } },
      }, options.type);
    },
    async uploadImage(data, filename) {
      const type = IMAGE_TYPES[filename.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";
      const form = new FormData();
      form.append("file", new Blob([data], { type }), filename);
      const answer = await call("/v2.0/oa/upload/image", { method: "POST", form });
      return String(answer["attachment_id"]);
    },
    async profile(userId) {
      const data = await call("/v3.0/oa/user/detail", { method: "GET", query: { user_id: userId } });
      return {
        userId: String(data["user_id"] ?? userId),
        displayName: typeof data["display_name"] === "string" ? data["display_name"] : null,
        follower: data["user_is_follower"] === true,
        lastInteractionDay: typeof data["user_last_interaction_date"] === "string" ? data["user_last_interaction_date"] : null,
      };
    },
    async followers(offset, count = 50) {
      const data = await call("/v3.0/oa/user/getlist", { method: "GET", query: { offset, count, is_follower: "true" } });
      const users = Array.isArray(data["users"]) ? (data["users"] as { user_id?: unknown }[]) : [];
      return { total: Number(data["total"] ?? 0), userIds: users.map((u) => String(u.user_id)) };
    },
  };
}
