import { createHash } from "node:crypto";
import type { FileStorage } from "../bot/ports/review.js";
import type { Db } from "./client.js";
import { checkKey } from "./file-storage.js";

/**
 * Evidence files as rows of the database (EVIDENCE_STORAGE=database), one per
 * key: every instance behind a load balancer reads what another received, and
 * the database's own backup holds them. A put is one statement (an upsert), so
 * a reader sees the whole content or nothing; putting a key again, as two
 * instances receiving the same file may do at once, leaves one row with the
 * last content, as the disk storage leaves one file.
 */
export function createDatabaseFileStorage(db: Db): FileStorage {
  return {
    async put(key, data) {
      checkKey(key);
      // Prisma takes bytes over a plain ArrayBuffer: a view of the same memory (nothing copied), a copy otherwise.
      const { buffer, byteOffset, byteLength } = data;
      const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer, byteOffset, byteLength) : new Uint8Array(data);
      const content = { bytes, size: data.byteLength, sha256: createHash("sha256").update(data).digest("hex") };
      await db.evidenceContent.upsert({ where: { key }, create: { key, ...content }, update: content, select: { key: true } });
    },
    async get(key) {
      const row = await db.evidenceContent.findUnique({ where: { key: checkKey(key) }, select: { bytes: true } });
      return row?.bytes ?? null;
    },
  };
}
