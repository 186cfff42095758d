/**
 * A bounded stop. Steps are registered as the service starts; at a signal
 * they run in three phases (intake: HTTP, channels, scheduler; work: the
 * delivery worker, which releases the sender lock, and the job queue; store:
 * the database), the steps
 * of a phase side by side, each phase within its share of the time limit. A
 * step that has not finished by then is left, named in the log, and the
 * process exits with 1; when everything finished, with 0.
 */
export type Phase = "intake" | "work" | "store";

export interface Shutdown {
  /** Register what to stop; later steps of a phase run beside earlier ones. Once a stop has begun, it is stopped at once. */
  add(phase: Phase, name: string, stop: () => Promise<unknown>): void;
  /** The start is complete: a stop before this counts the start-up as cut short (exit 1). */
  started(): void;
  /** Stop everything within the time limit and exit; a second call (a second signal) exits at once. */
  run(reason: string): Promise<void>;
  /** Whether a stop has begun (start-up steps check it, so a stuck start ends when asked). */
  readonly stopping: boolean;
}

export interface ShutdownDeps {
  readonly timeoutMs: number;
  readonly log: {
    info(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
  readonly exit: (code: number) => void;
}

const PHASES: readonly Phase[] = ["intake", "work", "store"];
/** Share of the time limit by which each phase must be over. */
const PHASE_END: Record<Phase, number> = { intake: 0.5, work: 0.85, store: 1 };

export function createShutdown(deps: ShutdownDeps): Shutdown {
  const steps = new Map<Phase, { name: string; stop: () => Promise<unknown> }[]>(PHASES.map((p) => [p, []]));
  let started: Promise<void> | null = null;
  let startComplete = false;

  async function stopAll(reason: string): Promise<void> {
    const begun = Date.now();
    deps.log.info({ reason, timeoutMs: deps.timeoutMs }, "shutting down: finishing the updates and messages in hand");
    // Whatever happens below, the process is gone shortly after the limit.
    setTimeout(() => {
      deps.log.error({ reason }, "shutdown overran its limit: exiting now");
      deps.exit(1);
    }, deps.timeoutMs + 1_000).unref();
    const cut: string[] = [];
    const failed: string[] = [];
    for (const phase of PHASES) {
      const deadline = begun + deps.timeoutMs * PHASE_END[phase];
      const pending = new Set<string>();
      const runs = steps.get(phase)!.map(async ({ name, stop }) => {
        pending.add(name);
        try {
          await stop();
        } catch (error) {
          failed.push(name);
          deps.log.error({ step: name, error: (error as Error).message }, "a shutdown step failed");
        } finally {
          pending.delete(name);
        }
      });
      let timer: NodeJS.Timeout | undefined;
      const overtime = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      await Promise.race([Promise.all(runs), overtime]);
      clearTimeout(timer);
      cut.push(...pending);
    }
    // A stop that came while the service was still starting ends a start that never completed: say so.
    if (!startComplete) cut.push("start-up");
    if (cut.length > 0 || failed.length > 0) {
      deps.log.error({ cutShort: cut, failed, ms: Date.now() - begun }, "stopped with work cut short");
      deps.exit(1);
    } else {
      deps.log.info({ ms: Date.now() - begun }, "stopped");
      deps.exit(0);
    }
  }

  return {
    add(phase, name, stop) {
      if (started) {
        // Created while the stop runs (a start that was still going on): stopped right away, not left running.
        void stop().catch((error: unknown) => deps.log.error({ step: name, error: (error as Error).message }, "a shutdown step failed"));
        return;
      }
      steps.get(phase)!.push({ name, stop });
    },
    started() {
      startComplete = true;
    },
    run(reason) {
      if (started) {
        deps.log.error({ reason }, "asked again to stop: exiting at once");
        deps.exit(1);
        return started;
      }
      started = stopAll(reason);
      return started;
    },
    get stopping() {
      return started !== null;
    },
  };
}
