import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FileStorage } from "../bot/ports/review.js";
import { AppError } from "../errors.js";

/** Lower-case names and folders, e.g. "ab/cdef0123…": nothing that could leave the folder or mean something to a shell. */
const KEY = /^[a-z0-9._-]+(\/[a-z0-9._-]+)*$/;

/** The key itself, or a BAD_STORAGE_KEY error: every evidence storage accepts the same keys. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.includes("..") || key.split("/").includes(".")) {
    throw new AppError("BAD_STORAGE_KEY", `not a storage key: ${JSON.stringify(key.slice(0, 100))}`);
  }
  return key;
}

/**
 * Evidence files in a local folder, one file per key (sub-folders made as
 * needed). A file is written under a temporary name, flushed, then renamed
 * into place: a reader, or a restart after a crash, sees the whole content
 * or nothing, never half a file.
 */
export function createFileStorage(dir: string): FileStorage {
  return {
    async put(key, data) {
      const path = join(dir, checkKey(key));
      await mkdir(dirname(path), { recursive: true });
      // Starts with "~", which no key may, so a leftover temporary file is never taken for a stored one.
      const temp = join(dirname(path), `~${randomBytes(8).toString("hex")}.tmp`);
      try {
        const handle = await open(temp, "wx");
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        const data = await readFile(join(dir, checkKey(key)));
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
