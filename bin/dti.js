#!/usr/bin/env node
// The `dti` admin command: runs the TypeScript sources through tsx, so a
// checkout needs no build step (`npx dti …`).
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../src/cli/main.ts");
await runCli(process.argv);
