/** Where refused webhook requests are counted and told. */
export interface Refusals {
  refused(channel: string, reason: string): void;
  /** Tell what is still untold (at a stop). */
  flush(): void;
}

export interface RefusalDeps {
  readonly warn: (details: Record<string, unknown>, message: string) => void;
  /** A counter per channel and reason (dti_webhook_refused_total). */
  readonly count: (channel: string, reason: string) => void;
  /** At most one log line per this many milliseconds. */
  readonly intervalMs?: number;
}

const INTERVAL_MS = 60_000;

/**
 * Forged or replayed webhook requests are counted in /metrics and logged at
 * most once a minute with how many came, by reason: a flood of forged
 * requests must not flood the log. The first of a quiet spell is logged at once.
 */
export function createRefusals(deps: RefusalDeps): Refusals {
  const intervalMs = deps.intervalMs ?? INTERVAL_MS;
  let untold = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  const tell = () => {
    if (untold.size === 0) return;
    const byReason = Object.fromEntries(untold);
    const count = [...untold.values()].reduce((a, b) => a + b, 0);
    untold = new Map();
    deps.warn({ count, byReason }, "webhook requests refused");
  };
  const tick = () => {
    timer = null;
    if (untold.size === 0) return;
    tell();
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  return {
    refused(channel, reason) {
      deps.count(channel, reason);
      const key = `${channel}:${reason}`;
      untold.set(key, (untold.get(key) ?? 0) + 1);
      if (timer) return;
      tell();
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      tell();
    },
  };
}
