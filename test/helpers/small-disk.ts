import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A small file system of its own (tmpfs) that a test fills and frees: a real full disk. */
export interface SmallDisk {
  readonly dir: string;
  /** Fill every byte left. */
  fill(): void;
  /** Free what `fill` took. */
  free(): void;
  remove(): void;
}

/** A tmpfs of `megabytes`; null where this process may not mount (not root): the tests that need one are skipped. */
export function smallDisk(megabytes: number): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), "dti-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  const filler = join(dir, "filler");
  return {
    dir,
    fill() {
      try {
        execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=64k", `count=${megabytes * 32}`], { stdio: "ignore" });
      } catch {
        // dd stops with "No space left on device": the disk is full, which is the point.
      }
    },
    free: () => rmSync(filler, { force: true }),
    remove() {
      execFileSync("umount", ["-l", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
