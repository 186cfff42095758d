import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/bot/ports/store.js";
import { createStore } from "../../src/store/index.js";
import { lockKey } from "../../src/store/locks.js";
import { BACKENDS } from "../helpers/databases.js";
import { eventually } from "../helpers/service.js";

const postgres = BACKENDS.find((b) => b.name === "postgres");

/** Two instances of the service on one PostgreSQL database: two stores, each with its own connections. */
describe.skipIf(!postgres)("locks across instances on PostgreSQL", () => {
  let a: Store;
  let b: Store;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ url, drop } = await postgres!.create());
    a = await createStore(url);
    b = await createStore(url);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await drop();
  });

  /** End the server session holding an advisory lock, as a crash or a cut network would. */
  async function killHolder(name: string): Promise<void> {
    const [classId, objId] = lockKey(name);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_locks WHERE locktype = 'advisory' AND classid = ($1)::int::oid AND objid = ($2)::int::oid
         AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [classId, objId],
      );
      expect(rows).toHaveLength(1);
    } finally {
      await admin.end();
    }
  }

  it("lets one instance hold the sender lock; the other gets it once the holder's session is gone, and the old holder knows it lost it", async () => {
    const first = await a.locks.tryHold("delivery-sender");
    expect(first).not.toBeNull();
    expect(await b.locks.tryHold("delivery-sender")).toBeNull();
    await killHolder("delivery-sender");
    await first!.lost;
    expect(first!.held()).toBe(false);
    const second = await eventually(async () => (await b.locks.tryHold("delivery-sender")) ?? undefined, "the lock to be free");
    expect(second.held()).toBe(true);
    expect(await a.locks.tryHold("delivery-sender")).toBeNull();
    await second.release();
    const again = await a.locks.tryHold("delivery-sender");
    expect(again).not.toBeNull();
    await again!.release();
  });

  it("fences the outbox: a sender that lost its lock cannot take a message, the new holder can", async () => {
    const identity = await a.identities.touch("telegram", "900001", new Date(), { chatId: "900001", displayName: "Cán bộ thử" });
    await a.outbox.enqueue([{ key: "fence-1", identityId: identity.id, kind: "notice", reply: { lines: [] }, notBefore: new Date(0) }]);
    const [message] = await a.outbox.due(new Date(), 10);
    const old = (await a.locks.tryHold("delivery-sender"))!;
    await killHolder("delivery-sender");
    await old.lost;
    expect(await a.outbox.claim(message!.id, new Date(), "old-sender", old.fence)).toBe(false);
    const fresh = await eventually(async () => (await b.locks.tryHold("delivery-sender")) ?? undefined, "the lock to be free");
    expect(await b.outbox.claim(message!.id, new Date(), "new-sender", fresh.fence)).toBe(true);
    await fresh.release();
  });

  it("runs work under a named lock one instance at a time, and a waiter goes on when the holder's session dies", async () => {
    const order: string[] = [];
    let release!: () => void;
    const holding = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const first = a.locks.withLock("zalo-token:oa", async () => {
      order.push("a in");
      entered();
      await holding;
      order.push("a out");
    });
    await inside;
    const second = b.locks.withLock("zalo-token:oa", async () => void order.push("b"));
    // b waits on the server while a holds it.
    await new Promise((r) => setTimeout(r, 200));
    expect(order).toEqual(["a in"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["a in", "a out", "b"]);

    // A holder whose session dies (the instance crashed mid-refresh) frees the waiter.
    let unstick!: () => void;
    const stuck = a.locks.withLock("zalo-token:oa", () => new Promise<void>((r) => {
      unstick = r;
    }));
    await eventually(async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query("SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND locktype = 'advisory' AND granted AND objid = ($1)::int::oid",
        [lockKey("zalo-token:oa")[1]]);
      await admin.end();
      return rows.length === 1 ? true : undefined;
    }, "the lock to be taken");
    const waiter = b.locks.withLock("zalo-token:oa", async () => "b ran");
    await killHolder("zalo-token:oa");
    expect(await waiter).toBe("b ran");
    // The crashed holder's own work ends later; its unlock fails on the dead session, which is closed, not reused.
    unstick();
    await expect(stuck).rejects.toThrow();
  });

  it("lets go of the sender lock when its connection goes silent (a frozen network), instead of trusting it for hours", async () => {
    const target = new URL(url);
    const proxy = await freezingProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    const frozen = await createStore(viaProxy.toString());
    try {
      const lock = (await frozen.locks.tryHold("delivery-sender"))!;
      expect(lock.held()).toBe(true);
      proxy.freeze();
      await lock.lost;
      expect(lock.held()).toBe(false);
    } finally {
      proxy.close();
      await frozen.close();
    }
  }, 60_000);
});

/** A TCP proxy whose `freeze` stops passing bytes either way while every connection stays open, as a stalled network does. */
async function freezingProxy(host: string, port: number): Promise<{ port: number; freeze(): void; close(): void }> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((client) => {
    const upstream = connect(port, host);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      sockets.add(from);
      from.on("error", () => undefined);
      from.on("data", (chunk) => {
        if (!frozen) to.write(chunk);
      });
      from.on("close", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => void (frozen = true),
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
