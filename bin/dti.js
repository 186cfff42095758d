#!/usr/bin/env node
// The `dti` admin command.
//
// It runs the compiled build (dist/, `npm run build`) with plain node when that
// build is current (./build-state.js: built, and no file under src/ changed
// since), else the TypeScript sources through tsx. So production, after
// `npm ci && npm run build`, never loads tsx, while a developer who edits src/
// and runs `npx dti`, and the tests that spawn this file against the working
// tree, always get the code as it is now: slower, never stale. A stale build
// is not rebuilt here: tsc takes seconds, and a build that fails on a
// half-finished edit must not stop the command.
import { buildIsCurrent } from "./build-state.js";

let cli;
if (buildIsCurrent()) {
  cli = await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("../src/cli/main.ts");
}
await cli.runCli(process.argv);
