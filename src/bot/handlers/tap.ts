import type { Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";

/**
 * What became of a tapped button: carried out or cancelled (its buttons can
 * go), already used or expired, or someone else's (a group member tapped a
 * colleague's confirmation: they are told privately, the buttons stay).
 */
export type TapOutcome = "done" | "gone" | "not_yours";

export interface TapAnswer {
  readonly replies: Reply[];
  readonly tap: TapOutcome;
}

/**
 * An action that waits for "Xác nhận": how it is carried out, and what
 * "Huỷ" says was not done. Handlers register theirs with the confirmation
 * step (handlers/confirm.ts), which therefore imports none of them.
 */
export interface Confirmable {
  confirm(deps: CoreDeps, session: Session, pendingId: number, payload: unknown, options: { detach: boolean }): Promise<TapAnswer>;
  /** The message key for a cancelled one ("Đã huỷ; chưa công bố kết quả"). */
  readonly cancelled: string;
}
