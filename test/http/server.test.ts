import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/server.js";

describe("HTTP server", () => {
  let healthy = true;
  const app = createHttpServer({
    logger: pino({ level: "silent" }),
    ready: async () => (healthy
      ? { status: "ready", checks: { database: { ok: true, status: "reads and writes" } } }
      : { status: "not ready", checks: { database: { ok: false, status: "reads, but cannot write: the disk is full" } } }),
  });
  afterAll(() => app.close());

  it("answers /readyz and /healthz with 200 when ready and 503 naming what fails when not; /livez whatever the rest", async () => {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const ok = await fetch(`${address}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ready", checks: { database: { ok: true, status: "reads and writes" } } });
    healthy = false;
    for (const path of ["/readyz", "/healthz"]) {
      const failing = await fetch(`${address}${path}`);
      expect(failing.status).toBe(503);
      expect(await failing.json()).toEqual({ status: "not ready", checks: { database: { ok: false, status: "reads, but cannot write: the disk is full" } } });
    }
    expect((await fetch(`${address}/livez`)).status).toBe(200);
  });
});
