import { closeSync, openSync, statSync, writeSync } from "node:fs";
import { createServer, Socket, type Server } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/demo/seed.js";
import { createStore } from "../../src/store/index.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { BACKENDS } from "../helpers/databases.js";
import { realCatalog } from "../helpers/real.js";
import { eventually, startService, type RunningService } from "../helpers/service.js";
import { smallDisk } from "../helpers/small-disk.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import { DA_NANG } from "../fixtures/demo/da-nang.js";

const TOKEN = "454545:FAULT-SUITE-STORAGE-TOKEN-EMULATOR";
const LEAK = /Error|ECONN|SQLITE|Prisma|P10\d\d|at \/|\/work\/|\/tmp\/|node_modules/;
type Readiness = { status: string; checks: Record<string, { ok: boolean; status: string }> };

/** A seeded demo database with one officer's invite code. */
async function seeded(url: string): Promise<string> {
  const store = await createStore(url);
  try {
    await seedDemo({ store, catalog: realCatalog(), now: new Date(), province: DA_NANG });
    const province = (await store.provinces.byCode("da-nang"))!;
    const unit = (await store.units.byCode(province.id, "S16"))!;
    return (await store.invites.create({ provinceId: province.id, unitId: unit.id, role: "officer", maxUses: 1, expiresAt: new Date(Date.now() + 86_400_000) }, "faults")).code;
  } finally {
    await store.close();
  }
}

describe("the service when its database fails (the real service in a child process)", () => {
  let service: RunningService | null = null;
  let emulator: TelegramEmulator | null = null;
  afterEach(async () => {
    if (service?.running()) await service.kill();
    service = null;
    await emulator?.close();
    emulator = null;
  });
  const readiness = async () => (await service!.get("/readyz")) as { status: number; body: Readiness };

  /** Someone in a private chat; `say` and `tap` wait until the service has finished with the update and answered, then return what it said. */
  const person = (id: number) => {
    const client = emulator!.server.getClient(TOKEN, { userId: id, chatId: id, firstName: "Cán Bộ", type: "private" });
    let seen = 0;
    const answered = async (send: () => Promise<unknown>, what: string): Promise<string> => {
      const handled = await service!.updatesHandled();
      await send();
      // Counted as handled when its handling ends; a failure is told to the person just after, so wait for both.
      await eventually(async () => ((await service!.updatesHandled()) > handled && emulator!.sentTo(id).length > seen ? true : undefined), what, 20_000);
      const fresh = emulator!.sentTo(id).slice(seen);
      seen += fresh.length;
      return fresh.map((m) => m.text).join("\n");
    };
    return {
      say: (words: string) => answered(() => (words.startsWith("/") ? client.sendCommand(client.makeCommand(words)) : client.sendMessage(client.makeMessage(words))), `an answer to «${words}»`),
      tap(label: string): Promise<string> {
        const withButtons = emulator!.sentTo(id).filter((m) => m.buttons.length > 0).at(-1)!;
        const button = withButtons.buttons.find((b) => b.text.includes(label))!;
        return answered(() => client.sendCallback(client.makeCallbackQuery(button.data, { message: { message_id: withButtons.messageId } })), `the tap on ${label}`);
      },
    };
  };

  const disk = smallDisk(24);
  afterAll(() => disk?.remove());

  it.skipIf(!disk)("on a full disk: tells people it cannot record now, says so in readiness, recovers by itself once space is freed, and keeps what was confirmed", async () => {
    emulator = await startTelegramEmulator();
    const databaseUrl = `file:${join(disk!.dir, "dti.db")}`;
    const code = await seeded(databaseUrl);
    service = await startService({
      DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_PROBE_SECONDS: "1", REMINDER_OFFSETS: "0",
    });
    const officer = person(9401);
    expect(await officer.say(`/start ${code}`)).toContain("gắn thành công");
    await officer.say("6.2 = 70%");
    expect(await officer.tap("Xác nhận")).toContain("Đã ghi 1 số liệu");
    disk!.fill();
    try {
      expect(await officer.say("6.3 = 400/508")).toContain("hệ thống tạm thời chưa ghi nhận được dữ liệu");
      const failing = await eventually(async () => {
        const r = await readiness();
        return r.status === 503 ? r : undefined;
      }, "readiness to fail");
      expect(failing.body.checks["database"]!.ok).toBe(false);
      expect(failing.body.checks["database"]!.status).toMatch(/disk/);
      // The queue is in the same database: delivery says it waits for it, not something else.
      expect(failing.body.checks["delivery"]?.status ?? "paused").toMatch(/^(paused|sending)/);
      expect(JSON.stringify(failing.body)).not.toMatch(LEAK);
      await eventually(() => (service!.logs.some((l) => l["msg"] === "the database is failing: chat answers that nothing can be recorded now" && l["level"] === 50) ? true : undefined), "the failure in the log");
    } finally {
      disk!.free();
    }
    await eventually(async () => ((await readiness()).status === 200 ? true : undefined), "readiness once space is back", 20_000);
    expect(await officer.say("/diem")).toMatch(/điểm/i);
    const preview = await officer.say("6.3 = 400/508");
    expect(preview).toContain("6.3");
    expect(await officer.tap("Xác nhận")).toContain("Đã ghi 1 số liệu");
    expect((await service.terminate()).code).toBe(0);
    const store = await createStore(databaseUrl);
    try {
      const province = (await store.provinces.byCode("da-nang"))!;
      const unit = (await store.units.byCode(province.id, "S16"))!;
      const period = (await store.periods.list(province.id)).find((p) => p.rulesetId === "minh-hoa-so-nganh" && p.status === "open")!;
      expect((await store.figures.history(period.id, unit.id, "6.2")).map((h) => h.rawValue)).toContain("70%");
      expect((await store.figures.history(period.id, unit.id, "6.3")).map((h) => h.rawValue)).toEqual(expect.arrayContaining(["400/508"]));
    } finally {
      await store.close();
    }
  }, 120_000);

  it("finds the database file damaged while it runs: readiness fails, and the log says so at error level", async () => {
    emulator = await startTelegramEmulator();
    const databaseUrl = tempDatabaseUrl();
    await seeded(databaseUrl);
    service = await startService({ DATABASE_URL: databaseUrl, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_CHECK_SECONDS: "1" });
    const file = databaseUrl.replace(/^file:/, "");
    const fd = openSync(file, "r+");
    const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
    writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, middle);
    closeSync(fd);
    const damaged = await eventually(async () => {
      const r = await readiness();
      return r.body.checks["database"]?.status.startsWith("the database file is damaged") ? r : undefined;
    }, "readiness to report the damage");
    expect(damaged.status).toBe(503);
    expect(JSON.stringify(damaged.body)).not.toMatch(LEAK);
    expect(service.logs.some((l) => String(l["msg"]).startsWith("the database file failed its integrity check") && l["level"] === 50)).toBe(true);
  });

  const postgres = BACKENDS.find((b) => b.name === "postgres");
  it.skipIf(!postgres)("during a PostgreSQL outage: readiness names the database in plain words, with no error text, and recovers when it is back", async () => {
    const db = await postgres!.create();
    const target = new URL(db.url);
    const proxy = await tcpProxy(target.hostname, Number(target.port || 5432));
    try {
      const viaProxy = new URL(db.url);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(proxy.port);
      emulator = await startTelegramEmulator();
      service = await startService({ DATABASE_URL: viaProxy.toString(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, DATABASE_PROBE_SECONDS: "1" });
      expect((await readiness()).status).toBe(200);
      proxy.cut();
      const down = await eventually(async () => {
        const r = await readiness();
        return r.status === 503 && r.body.checks["database"]?.ok === false ? r : undefined;
      }, "readiness to fail during the outage", 20_000);
      expect(down.body.checks["database"]!.status).toMatch(/^the database (server cannot be reached|does not answer)|reads, but the database server drops writes/);
      expect(JSON.stringify(down.body)).not.toMatch(LEAK);
      proxy.restore();
      await eventually(async () => ((await readiness()).status === 200 ? true : undefined), "readiness once the database is back", 30_000);
    } finally {
      if (service?.running()) await service.kill();
      await proxy.close();
      await new pg.Pool({ connectionString: db.url }).end();
      await db.drop();
    }
  }, 90_000);
});

/** A TCP proxy to a server; `cut` drops every connection and refuses new ones until `restore`. */
async function tcpProxy(host: string, port: number): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    upstream.connect(port, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      refusing = false;
    },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
