import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/client.js";
import { storageFaultOf } from "../../src/store/faults.js";
import { tempDatabaseUrl } from "../helpers/cli.js";
import { smallDisk } from "../helpers/small-disk.js";

/** Settles within `ms` or says the store is stuck: a liveness check, not a timing assertion. */
async function settles<T>(work: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} never finished: the store is stuck`)), ms);
  });
  return Promise.race([work, stuck]).finally(() => clearTimeout(timer));
}

const audit = (db: Database["db"], action: string, details = "{}") => db.auditLog.create({ data: { actor: "test", action, target: "t", details } });

describe("the store when the database fails", () => {
  const opened: Database[] = [];
  const open = async (url = tempDatabaseUrl()) => {
    const database = await openDatabase(url);
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.db.$disconnect().catch(() => undefined);
  });

  it("recovers from a COMMIT that fails: the transaction is rolled back and the next one runs", async () => {
    const { db } = await open();
    const province = await db.province.create({ data: { code: "p", name: "P" } });
    // A foreign key checked at COMMIT makes the COMMIT statement itself fail, as a full disk does at commit.
    const failed = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.unit.create({ data: { provinceId: province.id, code: "U1", name: "U1", kind: "department", parentId: 999_999 } });
    }).then(() => null, (error: unknown) => error);
    expect(String(failed)).toMatch(/ForeignKey|FOREIGN KEY/i);
    await settles(db.$transaction(async (tx) => audit(tx as never, "after")), "the next transaction");
    expect(await db.unit.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: "after" } })).toBe(1);
  });

  it("says writes fail while the database is full, keeps answering reads, and takes writes again once there is room", async () => {
    const { db, health } = await open();
    await audit(db, "before");
    const pages = Number((await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]!.page_count);
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
    const big = "x".repeat(64_000);
    const error = await db.$transaction(async (tx) => {
      for (let i = 0; i < 20; i += 1) await audit(tx as never, "big", big);
    }).then(() => null, (e: unknown) => e);
    expect(storageFaultOf(error)).toBe("full");
    expect(health.isFault(error)).toBe(true);
    expect(health.status()).toMatchObject({ read: "ok", write: "full", damaged: false });
    expect((await settles(health.check(), "the probe")).write).toBe("full");
    expect(await db.auditLog.count()).toBe(1);
    // Space comes back: the next check says so, and the bot's transactions go through again.
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages * 100}`);
    expect(await settles(health.check(), "the probe")).toMatchObject({ read: "ok", write: "ok", since: null });
    await settles(db.$transaction(async (tx) => audit(tx as never, "after")), "a write after the fault");
    expect((await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((r) => r.action)).toEqual(["before", "after"]);
  });

  it("finds a database file damaged while the service runs", async () => {
    const url = tempDatabaseUrl();
    const { db, health } = await open(url);
    for (let i = 0; i < 200; i += 1) await audit(db, `row-${i}`, "y".repeat(500));
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    expect(await health.integrity()).toBe("ok");
    const file = url.replace(/^file:/, "");
    // Garbage over the middle of the file, as a failing disk or a careless copy would leave it.
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(await health.integrity()).toBe("damaged");
    expect(health.status().damaged).toBe(true);
  });

  it("tells database failures from other errors", () => {
    expect(storageFaultOf({ code: "SQLITE_FULL", message: "database or disk is full" })).toBe("full");
    expect(storageFaultOf(new Error("x", { cause: { code: "SQLITE_IOERR_SHMSIZE", message: "disk I/O error" } }))).toBe("io");
    expect(storageFaultOf({ code: "P1001", message: "Can't reach database server at 127.0.0.1:5432" })).toBe("unreachable");
    expect(storageFaultOf(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe("unreachable");
    expect(storageFaultOf({ code: "SQLITE_CORRUPT", message: "database disk image is malformed" })).toBe("damaged");
    expect(storageFaultOf({ code: "P2002", message: "Unique constraint failed on the fields: (`code`)" })).toBeNull();
    expect(storageFaultOf(new Error("Cannot read properties of undefined (reading 'id')"))).toBeNull();
  });
});

const disk = smallDisk(4);

describe.skipIf(!disk)("the store on a disk that fills up (a 4 MB tmpfs; skipped where mounting is not allowed)", () => {
  afterEach(() => disk?.free());

  it("fails the transaction whose COMMIT meets a full disk, stays usable, keeps what was committed, and writes again once space is freed", async () => {
    const dir = join(disk!.dir, "db");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "keep"), "");
    const { db, health } = await openDatabase(`file:${join(dir, "dti.db")}`);
    try {
      await audit(db, "confirmed");
      const error = await db.$transaction(async (tx) => {
        for (let i = 0; i < 10; i += 1) await audit(tx as never, "lost", "z".repeat(60_000));
        disk!.fill();
      }).then(() => null, (e: unknown) => e);
      expect(health.isFault(error)).toBe(true);
      expect(health.status().write).not.toBe("ok");
      // Reads go on; a transaction does not hang.
      expect(await settles(db.$transaction(async (tx) => tx.auditLog.count()), "a read transaction")).toBe(1);
      // A write Prisma wraps in a transaction of its own loses its COMMIT too; Prisma then reports that it could not
      // roll back a "committed" transaction, and the cause is gone from the error: it is still a storage fault.
      disk!.free();
      await audit(db, "before-update");
      disk!.fill();
      const echo = await db.auditLog.updateMany({ where: {}, data: { details: "w".repeat(200_000) } }).then(() => null, (e: unknown) => e);
      expect(echo).not.toBeNull();
      expect(health.isFault(echo)).toBe(true);
      disk!.free();
      expect((await settles(health.check(), "the probe")).write).toBe("ok");
      await settles(db.$transaction(async (tx) => audit(tx as never, "after")), "a write once space is back");
      expect((await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((r) => r.action)).toEqual(["confirmed", "before-update", "after"]);
    } finally {
      await db.$disconnect();
      disk!.remove();
    }
  });
});
