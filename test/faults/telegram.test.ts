import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { freePort, startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const TOKEN = "424242:FAULT-SUITE-TOKEN-FOR-THE-EMULATOR";
/** The stop limit these tests give the service, in seconds. */
const LIMIT_S = 10;
/**
 * What a stop must stay under: the limit and a generous margin, so a busy machine cannot fail it, while a stop that
 * waits on a frozen API (the defect: over 75 s) still does.
 */
const BOUND_MS = (LIMIT_S + 10) * 1000;
/** Nothing in a readiness answer may be an error text, a stack or a path. */
const LEAK = /Error|ECONN|SQLITE|Prisma|at \/|\/work\/|\/tmp\/|node_modules/;

type Readiness = { status: string; checks: Record<string, { ok: boolean; status: string }> };

describe("the service when the Bot API fails (the real service in a child process)", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    service = null;
    await emulator?.close();
    emulator = null;
  });

  const env = (apiRoot: string, extra: Record<string, string> = {}) => ({
    DATABASE_URL: tempDatabaseUrl(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, SHUTDOWN_TIMEOUT_SECONDS: String(LIMIT_S), ...extra,
  });
  const readiness = async () => (await service!.get("/readyz")) as { status: number; body: Readiness };

  it("starts without the Bot API (connections refused), says so in readiness, serves /livez, and stops at once", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    service = await startService(env(closed), "DTI Bot is running");
    const ready = await eventually(async () => {
      const r = await readiness();
      return r.body.checks["telegram"]?.status.startsWith("not connected yet") ? r : undefined;
    }, "readiness to tell Telegram is not connected");
    expect(ready.status).toBe(503);
    expect(ready.body.checks["telegram"]!.ok).toBe(false);
    expect(ready.body.checks["database"]).toEqual({ ok: true, status: "reads and writes" });
    expect(JSON.stringify(ready.body)).not.toMatch(LEAK);
    expect((await service.get("/livez")).status).toBe(200);
    expect(service.logs.some((l) => l["msg"] === "telegram: cannot reach the Bot API yet; the service goes on and tries again")).toBe(true);
    const { code, ms } = await service.terminate();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("connects by itself once the Bot API answers, and then takes messages", async () => {
    emulator = await startTelegramEmulator();
    await emulator.faults.refuse();
    service = await startService(env(emulator.apiRoot), "DTI Bot is running");
    await eventually(() => (service!.logs.some((l) => l["msg"] === "telegram: cannot reach the Bot API yet; the service goes on and tries again") ? true : undefined), "a failed try");
    await emulator.faults.resume();
    await eventually(() => (service!.logs.some((l) => l["msg"] === "telegram: long polling") ? true : undefined), "polling to start", 30_000);
    const client = emulator.server.getClient(TOKEN, { userId: 9101, chatId: 9101, firstName: "Sau Sự Cố", type: "private" });
    await client.sendCommand(client.makeCommand("/huongdan"));
    await eventually(() => (emulator!.sentTo(9101).length > 0 ? true : undefined), "an answer");
    expect((await readiness()).body.checks["telegram"]).toEqual({ ok: true, status: "the Bot API answers (long polling)" });
  });

  it("starts and stops within the limit while the Bot API takes requests and never answers", async () => {
    emulator = await startTelegramEmulator();
    emulator.faults.mode = "freeze";
    service = await startService(env(emulator.apiRoot), "DTI Bot is running");
    const ready = await readiness();
    expect(ready.status).toBe(503);
    expect(ready.body.checks["telegram"]!.status).toMatch(/^not connected yet/);
    const { code, ms } = await service.terminate();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("stops within the limit when the Bot API freezes while it polls, and says what it cut short", async () => {
    emulator = await startTelegramEmulator();
    service = await startService(env(emulator.apiRoot));
    emulator.faults.mode = "freeze";
    const { code, ms } = await service.terminate();
    expect(ms).toBeLessThan(BOUND_MS);
    // bot.stop() confirms the update offset with a call of its own, which a frozen API never answers.
    expect(code).toBe(1);
    expect(service.logs.find((l) => l["msg"] === "stopped with work cut short")?.["cutShort"]).toEqual(["telegram"]);
  });

  it("stops cleanly when the Bot API goes away while it polls", async () => {
    emulator = await startTelegramEmulator();
    service = await startService(env(emulator.apiRoot));
    await emulator.faults.refuse();
    const { code, ms } = await service.terminate();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("reports another poller (409) as an error and in readiness, and takes over polling once it has gone", async () => {
    emulator = await startTelegramEmulator();
    emulator.faults.mode = "conflict";
    service = await startService(env(emulator.apiRoot), "DTI Bot is running");
    const conflict = await eventually(async () => {
      const r = await readiness();
      return r.body.checks["telegram"]?.status.startsWith("another process is polling") ? r : undefined;
    }, "readiness to name the other poller");
    expect(conflict.status).toBe(503);
    const conflictLines = () => service!.logs.filter((l) => String(l["msg"]).startsWith("telegram: another process is polling this bot (409 Conflict)"));
    expect(conflictLines()[0]?.["level"]).toBe(50);
    // Several tries later (1 s, 2 s, 4 s apart), still the one line: the log says it once per spell.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(conflictLines()).toHaveLength(1);
    // The other instance stops: this one polls from now on.
    emulator.faults.mode = "pass";
    await eventually(async () => ((await readiness()).status === 200 ? true : undefined), "readiness once polling works", 90_000);
    const client = emulator.server.getClient(TOKEN, { userId: 9102, chatId: 9102, firstName: "Sau Xung Đột", type: "private" });
    await client.sendCommand(client.makeCommand("/huongdan"));
    await eventually(() => (emulator!.sentTo(9102).length > 0 ? true : undefined), "an answer", 30_000);
  }, 120_000);
});

describe("a start that cannot complete", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    service = null;
    await emulator?.close();
    emulator = null;
  });

  it("says why when Telegram refuses the webhook address, in the log at error level and in readiness, and keeps serving", async () => {
    emulator = await startTelegramEmulator();
    emulator.faults.refuseWebhook = true;
    service = await startService({
      DATABASE_URL: tempDatabaseUrl(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot,
      TELEGRAM_WEBHOOK_URL: "http://bot.example.invalid/telegram/webhook", TELEGRAM_WEBHOOK_SECRET: "fault-suite-webhook-secret-0123456789",
    }, "DTI Bot is running");
    const refused = await eventually(async () => {
      const r = (await service!.get("/readyz")) as { status: number; body: Readiness };
      return r.body.checks["telegram"]?.status.startsWith("Telegram refuses the webhook address") ? r : undefined;
    }, "readiness to name the refused webhook");
    expect(refused.status).toBe(503);
    expect(service.logs.some((l) => l["msg"] === "telegram: the Bot API refused a start-up call; check the settings; trying again" && l["level"] === 50)).toBe(true);
    expect(service.logs.some((l) => String(l["msg"]).startsWith("telegram: cannot reach the Bot API"))).toBe(false);
  });

  it("stops within the limit, with exit code 1 naming the start-up, when the database takes the connection and never answers", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as { port: number }).port;
      service = await startService({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/dti`, SHUTDOWN_TIMEOUT_SECONDS: "2" }, "opening the database (migrations first)");
      const { code, ms } = await service.terminate();
      expect(code).toBe(1);
      // Bounded (2 s here): generously, so a busy machine cannot fail it, yet far from "never".
      expect(ms).toBeLessThan(12_000);
      expect(service.logs.find((l) => l["msg"] === "stopped with work cut short")?.["cutShort"]).toEqual(["start-up"]);
    } finally {
      silent.close();
    }
  });
});

describe("an update the channel cannot read", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    service = null;
    await emulator?.close();
    emulator = null;
  });

  /** A message as Telegram never sends it: no chat. */
  const chatless = (updateId: number) => ({
    update_id: updateId, message: { message_id: 1, date: Math.floor(Date.now() / 1000), text: "/diem", from: { id: 9201, is_bot: false, first_name: "Lỗi" } },
  });

  it("by polling: is recorded as failed, the process goes on, and a restart does not replay it", async () => {
    emulator = await startTelegramEmulator();
    const databaseUrl = tempDatabaseUrl();
    const env = { DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, SHUTDOWN_TIMEOUT_SECONDS: String(LIMIT_S) };
    service = await startService(env);
    emulator.faults.inject(chatless(900_001));
    await eventually(() => (service!.logs.some((l) => l["msg"] === "update failed" && l["updateId"] === 900_001) ? true : undefined), "the update to fail");
    const client = emulator.server.getClient(TOKEN, { userId: 9202, chatId: 9202, firstName: "Vẫn Chạy", type: "private" });
    await client.sendCommand(client.makeCommand("/huongdan"));
    await eventually(() => (emulator!.sentTo(9202).length > 0 ? true : undefined), "an answer after the bad update");
    expect(service.running()).toBe(true);
    expect((await service.terminate()).code).toBe(0);
    service = await startService(env);
    await client.sendCommand(client.makeCommand("/toi"));
    await eventually(() => (emulator!.sentTo(9202).length > 1 ? true : undefined), "an answer after the restart");
    expect(service.logs.some((l) => l["updateId"] === 900_001)).toBe(false);
  });

  it("by webhook: answered 200, recorded as failed, and the process goes on", async () => {
    emulator = await startTelegramEmulator();
    const port = await freePort();
    const secret = "fault-suite-webhook-secret-0123456789";
    service = await startService({
      DATABASE_URL: tempDatabaseUrl(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, SHUTDOWN_TIMEOUT_SECONDS: String(LIMIT_S),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/webhook`, TELEGRAM_WEBHOOK_SECRET: secret, HTTP_PORT: String(port),
    }, "telegram: webhook set");
    const post = (body: unknown) => fetch(`${service!.url}/telegram/webhook`, {
      method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(body),
    });
    expect((await post(chatless(900_002))).status).toBe(200);
    await eventually(() => (service!.logs.some((l) => l["msg"] === "update failed" && l["updateId"] === 900_002) ? true : undefined), "the update to fail");
    const good = { update_id: 900_003, message: { message_id: 2, date: Math.floor(Date.now() / 1000), text: "/huongdan", chat: { id: 9203, type: "private", first_name: "Web" }, from: { id: 9203, is_bot: false, first_name: "Web" } } };
    expect((await post(good)).status).toBe(200);
    await eventually(() => (emulator!.sentTo(9203).length > 0 ? true : undefined), "an answer after the bad update");
    expect(service.running()).toBe(true);
    const metrics = String((await service.get("/metrics")).body);
    expect(metrics).toMatch(/^dti_updates_total\{channel="telegram",outcome="error"\} [1-9]/m);
  });
});
