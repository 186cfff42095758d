import type { UpdateIntake } from "../bot/ports/intake.js";
import type { InboxRepo } from "../bot/ports/store.js";

/**
 * Where a channel's incoming updates go, the same for every channel: with an
 * intake queue (PostgreSQL), recorded and queued for whichever instance is
 * free; otherwise recorded and handled in this process, where what the last
 * process left unfinished is handled once at start.
 */
export function channelIntake(
  channel: string, deps: { readonly inbox: InboxRepo; readonly intake?: UpdateIntake; readonly now: () => Date },
) {
  return {
    /** "new" to handle here, "queued" when the queue has it, "done" when it was handled before. */
    async accept(externalId: string, payload: string, chat: string): Promise<"new" | "queued" | "done"> {
      if (deps.intake) return (await deps.intake.accept(channel, externalId, payload, chat, deps.now())) === "done" ? "done" : "queued";
      return (await deps.inbox.record(channel, externalId, payload, deps.now())) === "done" ? "done" : "new";
    },
    /** At start: take queued updates from now on, or handle the left-over ones; how many were left over. */
    async recover(handle: (payload: string) => Promise<void>): Promise<number> {
      if (deps.intake) {
        void deps.intake.serve(channel, handle);
        return 0;
      }
      const pending = await deps.inbox.unhandled(channel);
      for (const p of pending) await handle(p.payload);
      return pending.length;
    },
  };
}
