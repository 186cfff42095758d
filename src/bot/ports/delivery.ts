import type { CalendarOverride } from "../calendar.js";
import type { Line, Reply } from "../reply.js";
import type { LockFence } from "./locks.js";
import type { ChannelName, IdentityRecord } from "./records.js";

/** What a pushed message is for; reports and queue status group by it. */
export type OutboxKind = "reminder" | "escalation" | "broadcast" | "publication" | "digest" | "progress" | "report" | "notice";
export const OUTBOX_KINDS: readonly OutboxKind[] = ["reminder", "escalation", "broadcast", "publication", "digest", "progress", "report", "notice"];

/**
 * pending → inflight → sent. A failure that may pass goes back to pending
 * with a later `notBefore`; one that will not (blocked, bad request) is
 * failed. A message that was on its way when the process died is uncertain:
 * it is not sent again, since it may have arrived (never twice to a person).
 * A message its channel cannot take now (Zalo's window) is rerouted: a copy
 * goes to the person on another channel.
 */
export type OutboxStatus = "pending" | "inflight" | "sent" | "failed" | "uncertain" | "cancelled" | "rerouted" | "dropped";
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["pending", "inflight", "sent", "failed", "uncertain", "cancelled", "rerouted", "dropped"];

/**
 * What a queued message is about, for those whose truth depends on the
 * moment (a reminder says what a unit still owes and how many days are
 * left): decided again and rendered when it is sent, or dropped.
 */
export type OutboxSubject =
  | { readonly type: "remind"; readonly stage: "submission" | "leader_approval"; readonly periodId: number; readonly unitId: number }
  | { readonly type: "late_leader"; readonly periodId: number; readonly unitId: number }
  | { readonly type: "late_department"; readonly periodId: number; readonly provinceId: number }
  /** A weekly digest of a unit's provisional standing: only true while the period is open and the person leads the unit. */
  | { readonly type: "digest"; readonly periodId: number; readonly unitId: number };

/** Why a queued message was not sent after all. */
export type DropReason = "period_not_open" | "deadline_passed" | "nothing_owed" | "not_responsible" | "snoozed" | "no_person";
export const DROP_REASONS: readonly DropReason[] = ["period_not_open", "deadline_passed", "nothing_owed", "not_responsible", "snoozed", "no_person"];

/** A message decided again at its sending time: what to send now, or why nothing. */
export type SendDecision = { readonly send: QueuedReply } | { readonly drop: DropReason };

/** The reason a message failed that starts with this counts as "cannot reach" in reports (no channel could take it). */
export const CANNOT_REACH = "cannot reach: ";

/** A file stored once and attached to many queued messages. */
export interface QueuedAttachment {
  readonly kind: "photo" | "document";
  readonly filename: string;
  readonly fileId: number;
  readonly caption?: Line;
}

/** A reply as queued: its attachment points at a stored file instead of carrying the bytes. */
export type QueuedReply = Omit<Reply, "attachment"> & { readonly attachment?: QueuedAttachment };

export interface OutboxInput {
  /** Unique per message and recipient, e.g. `reminder:3:41:2026-11-23:17`. */
  readonly key: string;
  readonly identityId: number;
  readonly kind: OutboxKind;
  readonly reply: QueuedReply;
  readonly notBefore: Date;
  readonly broadcastId?: number;
  /** Key of an earlier message to edit instead of sending a new one, once that one is delivered. */
  readonly replacesKey?: string;
  readonly subject?: OutboxSubject;
}

export interface OutboxRecord {
  readonly id: number;
  readonly key: string;
  readonly identity: IdentityRecord;
  readonly kind: OutboxKind;
  readonly reply: QueuedReply;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly notBefore: Date;
  readonly partsSent: number;
  readonly externalId: string | null;
  readonly broadcastId: number | null;
  /** The platform id of the message this one edits, when that one was delivered. */
  readonly replaces: string | null;
  readonly subject: OutboxSubject | null;
}

export interface OutboxProblem {
  readonly id: number;
  readonly kind: OutboxKind;
  readonly status: OutboxStatus;
  readonly channel: ChannelName;
  readonly recipient: string;
  readonly error: string | null;
  readonly at: Date;
}

export interface OutboxStats {
  readonly byStatus: Readonly<Record<OutboxStatus, number>>;
  readonly byKind: readonly { kind: OutboxKind; status: OutboxStatus; count: number }[];
  readonly oldestPending: Date | null;
  /** Messages dropped at their sending time because they were no longer true or needed, by reason. */
  readonly dropped: Readonly<Record<DropReason, number>>;
  /** Recent failures and uncertain sends, newest first, with the reason. */
  readonly problems: readonly OutboxProblem[];
}

/** Where a message goes when its channel cannot take it. */
export interface ReroutePlan {
  /** The same message to the person on another channel; null when they have none. */
  readonly via: OutboxInput | null;
  /** When there is no other way: who is told that the person cannot be reached. */
  readonly notices: readonly OutboxInput[];
}

export interface BroadcastDelivery {
  readonly counts: Readonly<Record<OutboxStatus, number>>;
  readonly unreachable: number;
  /** Identities the broadcast reached (sent). */
  readonly delivered: readonly number[];
}

export interface OutboxRepo {
  /** Queue messages; a key already queued is skipped. Returns how many were new. */
  enqueue(messages: readonly OutboxInput[]): Promise<number>;
  saveFile(kind: "photo" | "document", filename: string, data: Uint8Array): Promise<number>;
  file(id: number): Promise<{ data: Uint8Array; telegramFileId: string | null } | null>;
  /** Remember the platform's id of an uploaded file, to send it again without uploading. */
  setFileRef(id: number, channel: ChannelName, ref: string): Promise<void>;
  /** Pending messages due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<OutboxRecord[]>;
  /** When the next pending message falls due, or null when none is pending. */
  nextDue(): Promise<Date | null>;
  /**
   * pending → inflight for the worker `holder`, counting the attempt; false
   * when another worker took it, it is no longer due (a retry of an earlier
   * message to the same person pushed it back), or `fence` names a lock its
   * session no longer holds.
   */
  claim(id: number, now: Date, holder: string, fence?: LockFence | null): Promise<boolean>;
  /** A pending message that cannot be prepared (its file is gone): failed, without an attempt. */
  failPending(id: number, error: string): Promise<void>;
  /** A part of a long message was delivered; recorded before the next part is sent. */
  partSent(id: number, partsSent: number, externalId: string | null): Promise<void>;
  sent(id: number, now: Date, externalId: string | null, partsSent: number): Promise<void>;
  /** inflight → pending, to try again at `notBefore`; a wait the platform asked for does not count as an attempt. */
  retryLater(id: number, notBefore: Date, error: string, partsSent: number, options?: { countAttempt?: boolean }): Promise<void>;
  fail(id: number, error: string, partsSent: number): Promise<void>;
  /** inflight → uncertain: it may have arrived, so it is not sent again without an operator. */
  markUncertain(id: number, error: string, partsSent: number): Promise<void>;
  /**
   * inflight → rerouted with a copy to another channel of the person, or →
   * failed as "cannot reach" with notices to whoever must know; in one
   * transaction, so the copy and the notices exist exactly when the original
   * has given up.
   */
  reroute(id: number, error: string, partsSent: number, plan: ReroutePlan): Promise<void>;
  /** A pending message decided again at its sending time: its payload as it will go now. */
  refresh(id: number, reply: QueuedReply): Promise<void>;
  /** pending → dropped: no longer true or needed when its time came. */
  drop(id: number, reason: DropReason): Promise<void>;
  /** Pending messages of an identity that can no longer be reached: failed, with the reason. */
  failPendingOf(identityId: number, reason: string): Promise<number>;
  /** Messages left inflight by other senders, which have stopped (this one holds the sender lock now): uncertain. */
  markOrphansUncertain(holder: string): Promise<number>;
  /** Failed or uncertain messages back to pending (an operator's decision); returns how many. */
  requeue(ids: readonly number[], now: Date): Promise<number>;
  stats(options?: { problems?: number }): Promise<OutboxStats>;
  /** How one broadcast's messages fared: counts by status, how many failed because the person is unreachable, who got it. */
  broadcastDelivery(broadcastId: number): Promise<BroadcastDelivery>;
}

/** One message as the platform takes it: a text part, or a file. */
export type SendResult =
  | { readonly ok: true; readonly externalId: string | null; readonly fileRef?: string }
  /** 429: wait, then try again; nothing was delivered. */
  | { readonly ok: false; readonly kind: "rate_limited"; readonly retryAfterMs: number; readonly error: string }
  /** Nothing was delivered and trying again may work (server error, connection refused). */
  | { readonly ok: false; readonly kind: "transient"; readonly error: string }
  /** The person cannot be reached: blocked the bot, left, never started it, chat gone. */
  | { readonly ok: false; readonly kind: "unreachable"; readonly error: string }
  /** The platform refused the message itself (a bug or a limit); do not try again. */
  | { readonly ok: false; readonly kind: "rejected"; readonly error: string }
  /** The request may have reached the platform (the connection broke mid-way): do not send again. */
  | { readonly ok: false; readonly kind: "uncertain"; readonly error: string }
  /**
   * Not on this channel now (Zalo: no message from the person within the window): reach them on another.
   * With `orWaitUntil`, the channel itself is out of order (the OA must be authorised again): a person with no
   * other channel waits until then, rather than being given up on.
   */
  | { readonly ok: false; readonly kind: "switch_channel"; readonly error: string; readonly orWaitUntil?: Date }
  /** Not before `until` (Zalo: no promotion messages at night); nothing was sent and no attempt is counted. */
  | { readonly ok: false; readonly kind: "deferred"; readonly until: Date; readonly error: string };

/** One platform message of a queued reply, prepared by the channel (rendered, split). */
export interface PreparedPart {
  /** "text" parts count against the chat's message rate; edits too. */
  readonly kind: "text" | "photo" | "document" | "edit";
}

/** A channel's side of the delivery queue: render a queued reply, send its parts. */
export interface Sender {
  readonly channel: ChannelName;
  /** Platform messages for a reply, in the recipient's language; resumes after `partsSent`. */
  prepare(message: OutboxRecord, file: ((id: number) => Promise<{ data: Uint8Array; ref: string | null } | null>)): Promise<PreparedPart[]>;
  sendPart(message: OutboxRecord, part: PreparedPart): Promise<SendResult>;
}

/** The department's own calendar days (`dti calendar`). */
export interface CalendarRepo {
  list(): Promise<CalendarOverride[]>;
  set(day: CalendarOverride, actor: string): Promise<void>;
  remove(day: string, actor: string): Promise<boolean>;
}

export interface Delegation {
  readonly id: number;
  readonly personId: number;
  /** The unit whose reminders are handed over; null (older hand-overs) means every unit of the person. */
  readonly unitId: number | null;
  readonly toPersonId: number;
  /** Local days, inclusive. */
  readonly fromDay: string;
  readonly toDay: string;
}

/** Snoozes (/hoanlai) and hand-overs (/uyquyen) of reminders. */
export interface ReminderPrefsRepo {
  snooze(personId: number, until: Date): Promise<void>;
  unsnooze(personId: number): Promise<boolean>;
  snoozes(now: Date): Promise<ReadonlyMap<number, Date>>;
  /** Record a hand-over and queue the colleague's notice in the same transaction. */
  delegate(input: Omit<Delegation, "id">, notice: (delegationId: number) => OutboxInput | null, now: Date): Promise<Delegation>;
  cancelDelegations(personId: number, now: Date): Promise<number>;
  /** Hand-overs not cancelled whose range ends on or after `fromDay`. */
  delegations(fromDay: string): Promise<Delegation[]>;
}

/** Who a broadcast goes to. */
export type Audience =
  | { readonly kind: "all"; readonly leadersOnly: boolean }
  | { readonly kind: "unit_kind"; readonly unitKind: string; readonly leadersOnly: boolean }
  | { readonly kind: "district"; readonly districtCode: string; readonly leadersOnly: boolean }
  | { readonly kind: "units"; readonly unitCodes: readonly string[]; readonly leadersOnly: boolean };

export interface BroadcastRecord {
  readonly id: number;
  readonly provinceId: number;
  readonly senderId: number;
  readonly body: string;
  readonly audience: Audience;
  readonly recipients: number;
  readonly createdAt: Date;
  readonly completedAt: Date | null;
}

export interface BroadcastRepo {
  /** The broadcast and its queued messages, in one transaction that also uses up the confirmation; null when it was used already. */
  create(
    input: { provinceId: number; senderId: number; body: string; audience: Audience },
    messages: (broadcastId: number) => readonly OutboxInput[],
    now: Date,
    pending?: { readonly id: number; readonly identityId: number },
  ): Promise<BroadcastRecord | null>;
  byId(id: number): Promise<BroadcastRecord | null>;
  /** Recent broadcasts of a province, newest first. */
  list(provinceId: number, limit: number): Promise<BroadcastRecord[]>;
  /** "Đã nhận" from a recipient: "new", "again", or "not_recipient" when this identity was not sent the broadcast. */
  acknowledge(broadcastId: number, identityId: number, now: Date): Promise<"new" | "again" | "not_recipient">;
  acknowledgedBy(broadcastId: number): Promise<ReadonlySet<number>>;
  /** Mark a broadcast complete once, queueing its report in the same transaction; true for the caller that did. */
  complete(id: number, now: Date, report: OutboxInput): Promise<boolean>;
  /** Broadcasts still being delivered. */
  incomplete(): Promise<BroadcastRecord[]>;
}
