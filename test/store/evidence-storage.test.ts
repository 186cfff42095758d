import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileStorage } from "../../src/bot/ports/review.js";
import { createEvidenceStorage, createFileStorage, createStore, type OpenStore } from "../../src/store/index.js";
import { BACKENDS, type Backend } from "../helpers/databases.js";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Content with every byte value, then a pattern that repeats nowhere near as often as zlib would like. */
function binary(size: number, seed = 7): Uint8Array {
  const data = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i += 1) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    data[i] = i < 256 ? i : x >>> 24;
  }
  return data;
}

/** A storage under test and how to let it go. */
interface Subject {
  readonly name: string;
  open(): Promise<{ storage: FileStorage; close(): Promise<void> }>;
}

const folder: Subject = {
  name: "a folder",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "dti-evidence-"));
    return { storage: createFileStorage(dir), close: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const database = (backend: Backend): Subject => ({
  name: `the database on ${backend.name}`,
  async open() {
    const db = await backend.create();
    const store = await createStore(db.url);
    return {
      storage: createEvidenceStorage({ kind: "database", dir: "/nonexistent", store }),
      async close() {
        await store.close();
        await db.drop();
      },
    };
  },
});

// Both storages behind the FileStorage port pass the same suite: the bot cannot tell which one it has.
describe.each([folder, ...BACKENDS.map(database)])("evidence storage in $name", (subject) => {
  let storage: FileStorage;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, close } = await subject.open());
  });
  afterAll(() => close());

  it("reads back binary content byte for byte, including a view into a larger buffer", async () => {
    const data = binary(70_000);
    await storage.put("ab/cdef0123.pdf", data);
    expect(await storage.get("ab/cdef0123.pdf")).toEqual(data);
    const whole = binary(3000, 11);
    const view = whole.subarray(1000, 2500);
    await storage.put("ab/view.bin", view);
    expect(await storage.get("ab/view.bin")).toEqual(whole.slice(1000, 2500));
    await storage.put("ab/empty", new Uint8Array(0));
    expect(await storage.get("ab/empty")).toEqual(new Uint8Array(0));
  });

  it("takes the same key again, also several times at once, and keeps one whole copy", async () => {
    const data = binary(200_000, 3);
    await storage.put("cd/again.pdf", data);
    await storage.put("cd/again.pdf", data);
    await Promise.all(Array.from({ length: 5 }, () => storage.put("cd/again.pdf", data)));
    expect(sha256((await storage.get("cd/again.pdf"))!)).toBe(sha256(data));
    // As on disk, a later put under a key replaces what was there.
    await storage.put("cd/again.pdf", new Uint8Array([9]));
    expect(await storage.get("cd/again.pdf")).toEqual(new Uint8Array([9]));
  });

  it("knows no missing key", async () => {
    expect(await storage.get("zz/khong-co.pdf")).toBeNull();
  });

  it.each(["../x", "ab/../../x", "/etc/passwd", "AB/cd", "a b", "", "ab/", "ab//cd", "./ab", "ab\\cd", "ab/..", "ab/.", "~tmp", "ab/c'd"])(
    "refuses the key %j", async (key) => {
      await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow(/not a storage key/);
      await expect(storage.get(key)).rejects.toThrow(/not a storage key/);
    },
  );

  it("keeps a 10 MB file (the default EVIDENCE_MAX_MB)", async () => {
    const data = binary(10 * 1_048_576, 5);
    await storage.put("ef/large.pdf", data);
    const back = (await storage.get("ef/large.pdf"))!;
    expect(back.byteLength).toBe(data.byteLength);
    expect(sha256(back)).toBe(sha256(data));
  });
});

describe("createEvidenceStorage", () => {
  const dir = mkdtempSync(join(tmpdir(), "dti-evidence-kind-"));
  let store: OpenStore;
  beforeAll(async () => {
    store = await createStore(`file:${join(dir, "dti.db")}`);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps files in EVIDENCE_DIR for disk, and in the database (nothing in the folder) for database", async () => {
    const files = join(dir, "evidence");
    await createEvidenceStorage({ kind: "disk", dir: files, store }).put("ab/tren-dia.pdf", new Uint8Array([1, 2]));
    expect(readFileSync(join(files, "ab", "tren-dia.pdf"))).toEqual(Buffer.from([1, 2]));
    await createEvidenceStorage({ kind: "database", dir: files, store }).put("cd/trong-csdl.pdf", new Uint8Array([3]));
    expect(existsSync(join(files, "cd"))).toBe(false);
    expect(await createEvidenceStorage({ kind: "database", dir: files, store }).get("cd/trong-csdl.pdf")).toEqual(new Uint8Array([3]));
    expect(await createEvidenceStorage({ kind: "database", dir: files, store }).get("ab/tren-dia.pdf")).toBeNull();
  });
});

// Two service instances behind a load balancer: each has its own Prisma client on the one database.
describe.each(BACKENDS.filter((b) => b.name === "postgres"))("two instances on one $name database", (backend) => {
  const stores: OpenStore[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await backend.create();
    drop = db.drop;
    stores.push(await createStore(db.url), await createStore(db.url));
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await drop();
  });

  it("read what the other received, whole, and see a replacement at once", async () => {
    const [one, two] = stores.map((store) => createEvidenceStorage({ kind: "database", dir: "/nonexistent", store })) as [FileStorage, FileStorage];
    const data = binary(3 * 1_048_576, 13);
    const key = `${sha256(data).slice(0, 2)}/${sha256(data)}.pdf`;
    expect(await two.get(key)).toBeNull();
    await one.put(key, data);
    expect(sha256((await two.get(key))!)).toBe(sha256(data));
    await Promise.all([one.put(key, data), two.put(key, data)]);
    expect(sha256((await one.get(key))!)).toBe(sha256(data));
  });
});
