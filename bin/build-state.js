// Whether the compiled build in dist/ may run in place of src/ (bin/dti.js).
//
// Rule: dist/.build-stamp exists and no file under src/ (but src/generated, for
// which prisma/models.prisma stands) was written after it.
// scripts/build.js writes the stamp only when tsc succeeds, dated when the
// build began, so a file saved while tsc ran counts as newer. Checking costs a
// stat per source file (a few ms; loading tsx costs seconds). A deployment
// that ships dist/ without src/ counts as current.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export const BUILD_STAMP = join(ROOT, "dist", ".build-stamp");

export function buildIsCurrent() {
  if (!existsSync(BUILD_STAMP) || !existsSync(join(ROOT, "dist", "cli", "main.js"))) return false;
  const builtAt = statSync(BUILD_STAMP).mtimeMs;
  const src = join(ROOT, "src");
  if (!existsSync(src)) return true;
  // src/generated is rewritten by every `prisma generate` (npm install, and npx's own install of this package run it)
  // even when nothing changed: the schema it comes from is what is compared instead.
  const generated = join(src, "generated");
  const models = join(ROOT, "prisma", "models.prisma");
  if (existsSync(models) && statSync(models).mtimeMs > builtAt) return false;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath === generated || entry.parentPath.startsWith(generated + "/")) continue;
    if (statSync(join(entry.parentPath, entry.name)).mtimeMs > builtAt) return false;
  }
  return true;
}
