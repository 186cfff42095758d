/**
 * A delivery worker in its own process, for tests that kill it: it sends what
 * is queued in DATABASE_URL to the fake Bot API at API_ROOT, then exits.
 */
import { createStore } from "../../src/store/index.js";
import { drain, telegramWorker } from "./delivery.js";

const store = await createStore(process.env["DATABASE_URL"]!);
const limits = JSON.parse(process.env["LIMITS"]!) as { globalPerSecond: number; chatPerSecond: number; groupPerMinute: number };
await drain(store, telegramWorker(store, process.env["API_ROOT"]!, { limits, instanceId: `pid-${process.pid}` }), 120_000);
await store.close();
