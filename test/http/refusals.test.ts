import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRefusals } from "../../src/http/refusals.js";

describe("refused webhook requests in the log", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("logs the first at once, then one line a minute with the count by reason, and nothing when quiet", () => {
    const lines: Record<string, unknown>[] = [];
    const counted: string[] = [];
    const refusals = createRefusals({ warn: (d) => lines.push(d), count: (c, r) => counted.push(`${c}:${r}`) });
    refusals.refused("zalo", "signature");
    expect(lines).toEqual([{ count: 1, byReason: { "zalo:signature": 1 } }]);
    for (let i = 0; i < 299; i += 1) refusals.refused("zalo", i % 100 === 0 ? "stale" : "signature");
    expect(lines).toHaveLength(1);
    expect(counted).toHaveLength(300);
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({ count: 299, byReason: { "zalo:stale": 3, "zalo:signature": 296 } });
    vi.advanceTimersByTime(10 * 60_000);
    expect(lines).toHaveLength(2);
    // A new spell starts with a line of its own.
    refusals.refused("telegram", "secret");
    expect(lines).toHaveLength(3);
  });

  it("tells what is left at a stop", () => {
    const lines: Record<string, unknown>[] = [];
    const refusals = createRefusals({ warn: (d) => lines.push(d), count: () => undefined });
    refusals.refused("zalo", "future");
    refusals.refused("zalo", "future");
    refusals.flush();
    expect(lines.map((l) => l["count"])).toEqual([1, 1]);
  });
});
