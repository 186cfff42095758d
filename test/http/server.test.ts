import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/http/server.js";

describe("HTTP server", () => {
  let healthy = true;
  const app = createHttpServer({
    logger: pino({ level: "silent" }),
    health: async () => ({ status: healthy ? "ok" : "degraded", checks: { rulesets: healthy ? "15 loaded" : "none" } }),
  });
  afterAll(() => app.close());

  it("answers /healthz over real HTTP with 200 when healthy and 503 when not", async () => {
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const ok = await fetch(`${address}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", checks: { rulesets: "15 loaded" } });
    healthy = false;
    expect((await fetch(`${address}/healthz`)).status).toBe(503);
  });
});
