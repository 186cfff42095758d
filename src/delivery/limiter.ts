/** The platform's sending limits (Telegram: about 30 messages/s overall, 1/s per chat, 20/min per group). */
export interface DeliveryLimits {
  readonly globalPerSecond: number;
  readonly chatPerSecond: number;
  readonly groupPerMinute: number;
}

export const TELEGRAM_LIMITS: DeliveryLimits = { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20 };

/**
 * Share of a limit actually used: sends are spaced evenly at this fraction
 * of the limit, so network jitter never puts one message too many into the
 * platform's one-second window.
 */
const HEADROOM = 0.95;
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
 * Spacing limiter: one message every 1/(rate × headroom) s overall, per chat
 * and, for groups, within a sliding minute. In process: one worker sends for
 * the whole deployment (it holds the delivery lease).
 */
export function createRateLimiter(limits: DeliveryLimits): RateLimiter {
  const globalGap = 1000 / (limits.globalPerSecond * HEADROOM);
  const chatGap = 1000 / (limits.chatPerSecond * HEADROOM);
  let nextGlobal = 0;
  let pausedUntil = 0;
  const nextChat = new Map<string, number>();
  const groupSends = new Map<string, number[]>();
  const recentGroupSends = (chat: string, at: number): number[] => {
    const kept = (groupSends.get(chat) ?? []).filter((t) => t > at - MINUTE_MS);
    groupSends.set(chat, kept);
    return kept;
  };
  return {
    waitFor(chat, group, at) {
      let ready = Math.max(nextGlobal, pausedUntil, nextChat.get(chat) ?? 0);
      if (group) {
        const sends = recentGroupSends(chat, at);
        if (sends.length >= limits.groupPerMinute) ready = Math.max(ready, sends[sends.length - limits.groupPerMinute]! + MINUTE_MS);
      }
      return Math.max(0, ready - at);
    },
    take(chat, group, at) {
      nextGlobal = Math.max(nextGlobal, at) + globalGap;
      nextChat.set(chat, at + chatGap);
      if (group) recentGroupSends(chat, at).push(at);
      // Forget chats that are free again, so a long broadcast does not grow the map without end.
      if (nextChat.size > 10_000) for (const [k, t] of nextChat) if (t <= at) nextChat.delete(k);
    },
    pause(ms, at) {
      pausedUntil = Math.max(pausedUntil, at + ms);
    },
  };
}
