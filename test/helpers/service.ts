import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { freePort } from "./telegram-emulator.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningService {
  readonly url: string;
  /** The service's log so far, one parsed JSON object per line. */
  readonly logs: Record<string, unknown>[];
  /** Telegram updates the service has finished with (any outcome), from /metrics. */
  updatesHandled(): Promise<number>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGTERM; the exit code and how long the process took to go. */
  terminate(): Promise<{ code: number | null; ms: number }>;
  /** SIGKILL: the process dies with whatever it had in hand. */
  kill(): Promise<void>;
  /** Whether the process is still there. */
  running(): boolean;
  /** GET a path of the service's HTTP server: status and parsed JSON body (or text). */
  get(path: string): Promise<{ status: number; body: unknown }>;
}

/** Wait for a condition that becomes true later; fails with the last reason after `ms`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve().then(probe).catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The real service, as `npm start` runs it, in a child process: its own
 * HTTP server, database, rulesets and Telegram channel. Resolves once it
 * logs that it is taking updates.
 */
export async function startService(env: Record<string, string>, readyMessage = "telegram: long polling"): Promise<RunningService> {
  const service = await spawnService(env, readyMessage);
  return service;
}

/** Every service a test started, so none outlives its test file. */
const started = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of started) child.kill("SIGKILL");
});

async function spawnService(env: Record<string, string>, readyMessage: string): Promise<RunningService> {
  const port = env["HTTP_PORT"] ? Number(env["HTTP_PORT"]) : await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", NODE_ENV: "test", ENV_FILE: "/dev/null", LOG_LEVEL: "info", LOG_PRETTY: "false", HTTP_PORT: String(port), CONSOLE_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
  });
  createInterface({ input: child.stderr! }).on("line", (line) => stderr.push(line));
  const exited = once(child, "exit") as Promise<[number | null, string | null]>;
  const ready = eventually(async () => (logs.some((l) => l["msg"] === readyMessage) ? true : undefined), "the service to start", 30_000);
  const outcome = await Promise.race([ready.then(() => "ready" as const), exited.then(() => "exited" as const)]).catch((error: unknown) => {
    // Never ready: it must not outlive the test that started it.
    child.kill("SIGKILL");
    throw error;
  });
  if (outcome === "exited") throw new Error(`the service exited during start-up:\n${stderr.join("\n")}\n${logs.map((l) => JSON.stringify(l)).join("\n")}`);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    logs,
    async updatesHandled() {
      const text = await (await fetch(`${url}/metrics`)).text();
      return [...text.matchAll(/^dti_updates_total\{[^}]*channel="telegram"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    },
    async stop() {
      child.kill("SIGTERM");
      const [code] = await exited;
      return code;
    },
    async terminate() {
      const begun = Date.now();
      child.kill("SIGTERM");
      const [code] = await exited;
      return { code, ms: Date.now() - begun };
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    running: () => child.exitCode === null && child.signalCode === null,
    async get(path) {
      const response = await fetch(`${url}${path}`);
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        // Not JSON (metrics): the text itself.
      }
      return { status: response.status, body };
    },
  };
}
