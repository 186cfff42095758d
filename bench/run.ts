/**
 * Benchmarks: `npm run bench` runs all, `npm run bench -- scoring` one.
 * Each prints JSON lines and compares against a baseline measured in the
 * same run (these machines are noisy; absolute times alone mean little).
 * `--strict` exits 1 when a target is missed.
 */
import { appendixBench } from "./appendix.js";
import { chatBench } from "./chat.js";
import { cliBench } from "./cli.js";
import { clusterBench } from "./cluster.js";
import { deliveryBench } from "./delivery.js";
import { qaBench } from "./qa.js";
import { scoringBench } from "./scoring.js";
import { reviewBench } from "./review.js";
import { storeBench } from "./store.js";
import { zaloBench } from "./zalo.js";

export interface BenchResult {
  readonly bench: string;
  readonly pass: boolean;
  readonly [key: string]: unknown;
}

const SUITES: Record<string, () => Promise<BenchResult[]> | BenchResult[]> = {
  scoring: scoringBench,
  store: storeBench,
  chat: chatBench,
  delivery: deliveryBench,
  zalo: zaloBench,
  review: reviewBench,
  qa: qaBench,
  appendix: appendixBench,
  cli: cliBench,
  cluster: clusterBench,
};

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const names = args.filter((a) => !a.startsWith("--"));
const selected = names.length > 0 ? names : Object.keys(SUITES);
let failed = false;
for (const name of selected) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  for (const result of await suite()) {
    console.log(JSON.stringify(result));
    failed ||= !result.pass;
  }
}
if (strict && failed) process.exit(1);
