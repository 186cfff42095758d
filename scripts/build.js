// `npm run build`: compile src/ to dist/ (`tsc -b tsconfig.build.json`: build
// mode answers "up to date" in well under a second when nothing changed, which
// `npm start` relies on, and recompiles incrementally otherwise), then write
// dist/.build-stamp dated when the build began (see bin/build-state.js, which
// decides from it whether `dti` may run dist/). No stamp when tsc fails.
// Plain JavaScript: it runs on a fresh clone, before anything is compiled.
import { spawnSync } from "node:child_process";
import { utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { BUILD_STAMP } from "../bin/build-state.js";

const started = new Date();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const root = fileURLToPath(new URL("..", import.meta.url));
const { status, error } = spawnSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (error) throw error;
if (status !== 0) process.exit(status ?? 1);
writeFileSync(BUILD_STAMP, `${started.toISOString()}\n`);
utimesSync(BUILD_STAMP, started, started);
