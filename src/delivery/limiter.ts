/** The platform's sending limits (Telegram: about 30 messages/s overall, 1/s per chat, 20/min per group). */
export interface DeliveryLimits {
  readonly globalPerSecond: number;
  readonly chatPerSecond: number;
  readonly groupPerMinute: number;
}

export const TELEGRAM_LIMITS: DeliveryLimits = { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20 };

/**
 * Share of a limit actually used. The overall rate is a token bucket that
 * refills at this share of the limit and holds what is left of the limit in
 * a second (a burst that absorbs timer delays): any one-second window then
 * sees at most the limit, even when sends bunch up.
 */
const HEADROOM = 0.94;
const MINUTE_MS = 60_000;

export interface RateLimiter {
  /** Milliseconds until a message to this chat may go (0: now). */
  waitFor(chat: string, group: boolean, at: number): number;
  /** Count a message to this chat as sent at `at`. */
  take(chat: string, group: boolean, at: number): void;
  /** The platform said "too many requests": nothing goes for `ms`. */
  pause(ms: number, at: number): void;
}

/**
 * Overall, per chat and, for groups, per sliding minute. In process: one
 * worker sends for the whole deployment (it holds the delivery lease).
 */
export function createRateLimiter(limits: DeliveryLimits): RateLimiter {
  const rate = (limits.globalPerSecond * HEADROOM) / 1000;
  // A third of the headroom may go in a burst; the rest is left for arrivals bunched by pauses of this
  // process or the network (messages started over 20 ms may reach the platform at once).
  const burst = Math.max(1, Math.floor((limits.globalPerSecond * (1 - HEADROOM)) / 3));
  const chatGap = 1000 / (limits.chatPerSecond * HEADROOM);
  let tokens = 1;
  let filledAt = 0;
  let pausedUntil = 0;
  const nextChat = new Map<string, number>();
  const groupSends = new Map<string, number[]>();
  const refill = (at: number) => {
    tokens = Math.min(burst, tokens + Math.max(0, at - filledAt) * rate);
    filledAt = Math.max(filledAt, at);
  };
  const recentGroupSends = (chat: string, at: number): number[] => {
    const kept = (groupSends.get(chat) ?? []).filter((t) => t > at - MINUTE_MS);
    groupSends.set(chat, kept);
    return kept;
  };
  return {
    waitFor(chat, group, at) {
      refill(at);
      let ready = Math.max(pausedUntil, nextChat.get(chat) ?? 0, tokens >= 1 ? at : at + (1 - tokens) / rate);
      if (group) {
        const sends = recentGroupSends(chat, at);
        if (sends.length >= limits.groupPerMinute) ready = Math.max(ready, sends[sends.length - limits.groupPerMinute]! + MINUTE_MS);
      }
      return Math.max(0, Math.ceil(ready - at));
    },
    take(chat, group, at) {
      refill(at);
      tokens -= 1;
      nextChat.set(chat, at + chatGap);
      if (group) recentGroupSends(chat, at).push(at);
      // Forget chats that are free again, so a long broadcast does not grow the map without end.
      if (nextChat.size > 10_000) for (const [k, t] of nextChat) if (t <= at) nextChat.delete(k);
    },
    pause(ms, at) {
      pausedUntil = Math.max(pausedUntil, at + ms);
      // After a pause the bucket starts empty, so the platform sees no burst.
      tokens = Math.min(tokens, 0);
      filledAt = Math.max(filledAt, at + ms);
    },
  };
}
