import { describe, expect, it } from "vitest";
import { createShutdown } from "../../src/runtime/shutdown.js";

function harness(timeoutMs = 600, options: { started?: boolean } = {}) {
  const lines: { level: "info" | "error"; details: Record<string, unknown>; message: string }[] = [];
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  const codes: number[] = [];
  const shutdown = createShutdown({
    timeoutMs,
    log: {
      info: (details, message) => lines.push({ level: "info", details, message }),
      error: (details, message) => lines.push({ level: "error", details, message }),
    },
    exit: (code) => {
      codes.push(code);
      resolveExit(code);
    },
  });
  if (options.started !== false) shutdown.started();
  return { shutdown, lines, exited, codes };
}

describe("a bounded stop", () => {
  it("stops intake first, then work, then the store, and exits 0 when everything finished", async () => {
    const { shutdown, exited } = harness();
    const order: string[] = [];
    shutdown.add("store", "database", async () => void order.push("database"));
    shutdown.add("work", "delivery", async () => void order.push("delivery"));
    shutdown.add("intake", "http", async () => void order.push("http"));
    shutdown.add("intake", "telegram", async () => void order.push("telegram"));
    void shutdown.run("SIGTERM");
    expect(await exited).toBe(0);
    expect(order).toEqual(["http", "telegram", "delivery", "database"]);
  });

  it("leaves a step that never finishes, goes on with the others, names it and exits 1", async () => {
    const { shutdown, exited, lines } = harness();
    let closed = false;
    shutdown.add("intake", "telegram", () => new Promise(() => undefined));
    shutdown.add("intake", "http", async () => undefined);
    shutdown.add("store", "database", async () => void (closed = true));
    void shutdown.run("SIGTERM");
    expect(await exited).toBe(1);
    expect(closed).toBe(true);
    expect(lines.find((l) => l.message === "stopped with work cut short")?.details).toMatchObject({ cutShort: ["telegram"], failed: [] });
  });

  it("counts a step that throws as failed, and exits 1", async () => {
    const { shutdown, exited, lines } = harness();
    shutdown.add("work", "delivery", async () => {
      throw new Error("lease not released");
    });
    void shutdown.run("SIGINT");
    expect(await exited).toBe(1);
    expect(lines.find((l) => l.message === "stopped with work cut short")?.details).toMatchObject({ cutShort: [], failed: ["delivery"] });
  });

  it("counts a stop during the start as cutting the start-up short, and stops what starts after it at once", async () => {
    const { shutdown, exited, lines } = harness(600, { started: false });
    shutdown.add("store", "database", async () => undefined);
    void shutdown.run("SIGTERM");
    let stoppedLate = false;
    shutdown.add("intake", "telegram", async () => void (stoppedLate = true));
    expect(await exited).toBe(1);
    expect(stoppedLate).toBe(true);
    expect(lines.find((l) => l.message === "stopped with work cut short")?.details).toMatchObject({ cutShort: ["start-up"] });
  });

  it("exits at once on a second signal", async () => {
    const { shutdown, codes } = harness(60_000);
    shutdown.add("intake", "telegram", () => new Promise(() => undefined));
    void shutdown.run("SIGTERM");
    expect(shutdown.stopping).toBe(true);
    void shutdown.run("SIGTERM");
    expect(codes).toEqual([1]);
  });
});
