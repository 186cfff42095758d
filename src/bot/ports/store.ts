import type { Figure } from "../../scoring/index.js";
import type { TokenRepo } from "./credentials.js";
import type { StoreHealth } from "./storage-health.js";
import type { AppealRepo, EvidenceRepo, ReviewRepo } from "./review.js";
import type { SqlRunner } from "./intake.js";
import type { Locks } from "./locks.js";
import type { BroadcastRepo, CalendarRepo, OutboxInput, OutboxRepo, ReminderPrefsRepo } from "./delivery.js";
import type {
  AuditRecord, ChannelName, DeadlineRecord, EntryChannel, EvidenceRef, FigureRecord, FigureStatus, IdentityRecord,
  InviteRecord, PeriodRecord, PeriodStatus, PersonRecord, ProvinceRecord, ReopeningRecord, RoleName, RoleRecord,
  RulesetAssignment, SnapshotKind, SnapshotRecord, SnapshotUnitRecord, SuccessionRecord, UnitKindCode, UnitRecord,
} from "./records.js";

/** Who does an administrative action; written to the audit log. */
export type Actor = string;

/** A unit to create or update. Fields left undefined keep their stored value (or a default for a new unit). */
export interface UnitInputRow {
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKindCode;
  readonly parentCode?: string | null | undefined;
  readonly groupCode?: string | null | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly active?: boolean | undefined;
}

export interface PersonInputRow {
  readonly fullName: string;
  readonly phone?: string | null;
  readonly email?: string | null;
  /** Null for a provincial admin. */
  readonly unitCode: string | null;
  readonly role: RoleName;
  readonly scope?: readonly string[];
}

export interface ProvinceRepo {
  /** The province with this code, created (and audited) when new. */
  ensure(code: string, name: string, actor?: Actor): Promise<ProvinceRecord>;
  byCode(code: string): Promise<ProvinceRecord | null>;
  list(): Promise<ProvinceRecord[]>;
  assignRuleset(provinceId: number, assignment: RulesetAssignment, actor: Actor): Promise<void>;
  /** In the order they were set up. */
  rulesets(provinceId: number): Promise<RulesetAssignment[]>;
}

export interface UnitRepo {
  /** Create or update by code, all or nothing; parents may be in the same batch. */
  upsertMany(provinceId: number, rows: readonly UnitInputRow[], actor: Actor): Promise<{ created: number; updated: number }>;
  list(provinceId: number, options?: { activeOnly?: boolean }): Promise<UnitRecord[]>;
  byCode(provinceId: number, code: string): Promise<UnitRecord | null>;
  byId(id: number): Promise<UnitRecord | null>;
  /** `from` became part of `to` on `effectiveOn`; `from` becomes inactive. */
  addSuccession(fromUnitId: number, toUnitId: number, effectiveOn: Date, note: string | null, actor: Actor): Promise<void>;
  successions(provinceId: number): Promise<SuccessionRecord[]>;
}

export interface PeopleRepo {
  /** Create people with their roles, all or nothing. Same name and phone in the same province is one person. */
  importMany(provinceId: number, rows: readonly PersonInputRow[], actor: Actor): Promise<{ people: number; roles: number }>;
  create(provinceId: number, fullName: string, contact?: { phone?: string; email?: string }): Promise<PersonRecord>;
  byId(id: number): Promise<PersonRecord | null>;
  grant(personId: number, role: RoleName, unitId: number | null, actor: Actor, scope?: readonly string[]): Promise<RoleRecord>;
  roles(personId: number): Promise<RoleRecord[]>;
  /** Active holders of a role in a unit (or provincial admins when unitId is null). */
  holders(provinceId: number, unitId: number | null, role: RoleName): Promise<PersonRecord[]>;
  list(provinceId: number): Promise<PersonRecord[]>;
  /** Every role held now in a province, in one query (for reminders and broadcasts to thousands of units). */
  activeRoles(provinceId: number): Promise<RoleRecord[]>;
}

export interface IdentityRepo {
  find(channel: ChannelName, externalId: string): Promise<IdentityRecord | null>;
  /** The identity, created on first contact (`created`); updates the last interaction time. */
  touch(
    channel: ChannelName, externalId: string, at: Date, details?: { chatId?: string; displayName?: string },
  ): Promise<IdentityRecord & { readonly created: boolean }>;
  bindPerson(identityId: number, personId: number): Promise<IdentityRecord>;
  setLanguage(identityId: number, language: "vi" | "en"): Promise<void>;
  markUnreachable(identityId: number, reason: string): Promise<void>;
  setActiveUnit(identityId: number, unitId: number | null): Promise<void>;
  ofPerson(personId: number): Promise<IdentityRecord[]>;
  /**
   * Where to reach each person: their reachable chat they used last (one
   * per person, so nobody gets the same push on two apps), among the
   * channels that can deliver. People with none are left out.
   */
  preferred(personIds: readonly number[], channels: readonly ChannelName[]): Promise<Map<number, IdentityRecord>>;
}

export type RedeemResult =
  | { readonly ok: true; readonly invite: InviteRecord }
  | { readonly ok: false; readonly reason: "unknown" | "expired" | "used_up" | "revoked" };

export type JoinResult =
  | { readonly ok: true; readonly invite: InviteRecord; readonly personId: number; readonly newRole: boolean }
  | { readonly ok: false; readonly reason: "unknown" | "expired" | "used_up" | "revoked" };

export interface InviteInput {
  readonly provinceId: number;
  readonly unitId: number | null;
  readonly role: RoleName;
  readonly maxUses: number;
  readonly expiresAt: Date;
  readonly note?: string;
}

export interface InviteRepo {
  /** A new random code; only its hash is stored, the code is returned once. */
  create(input: InviteInput, actor: Actor): Promise<{ invite: InviteRecord; code: string }>;
  /** Use one of the invite's uses for an identity, atomically (the same identity again takes no second use). */
  redeem(code: string, identityId: number, now: Date): Promise<RedeemResult>;
  /**
   * Join with a code: use it, create the person if the chat has none (named as
   * the chat shows them, else `fallbackName`), bind the chat, grant the role,
   * all in one transaction.
   */
  join(code: string, identityId: number, fallbackName: string, now: Date): Promise<JoinResult>;
  revoke(id: number, actor: Actor, now: Date): Promise<boolean>;
  list(provinceId: number): Promise<InviteRecord[]>;
}

/** Which deadline locks a write: officers' submission, or the leaders' approval that follows it. */
export type LockStage = "submission" | "leader_approval";

export interface PeriodRepo {
  open(input: {
    provinceId: number; rulesetId: string; year: number; windowFrom?: Date | null; windowTo?: Date | null;
    deadlines: readonly DeadlineRecord[];
  }, actor: Actor): Promise<PeriodRecord>;
  byId(id: number): Promise<PeriodRecord | null>;
  list(provinceId?: number): Promise<PeriodRecord[]>;
  setStatus(id: number, status: PeriodStatus, actor: Actor): Promise<PeriodRecord>;
  setDeadline(id: number, deadline: DeadlineRecord, actor: Actor): Promise<void>;
  reopen(input: { periodId: number; unitId: number; until: Date; reason: string }, actor: Actor): Promise<void>;
  reopenings(periodId: number): Promise<ReopeningRecord[]>;
  /** True after the stage's deadline (submission by default), unless the unit is reopened at `now`. */
  isLocked(periodId: number, unitId: number, now: Date, stage?: LockStage): Promise<boolean>;
}

export interface FigureInput {
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  readonly rawValue: string | null;
  readonly figure: Figure | null;
  readonly evidence?: readonly EvidenceRef[];
  readonly status: FigureStatus;
  readonly enteredBy: number | null;
  readonly enteredByLabel: string;
  readonly channel: EntryChannel;
  readonly note?: string | null;
  readonly reviewFigure?: Figure | null;
  readonly reviewPoints?: number | null;
  readonly reviewNote?: string | null;
}

export interface RecordManyOptions {
  /** Write past the deadline (an admin, audited). */
  readonly force?: boolean;
  /** "import" (audited as one action) or "chat" (each revision is its own record). */
  readonly source?: "import" | "chat";
  readonly pending?: PendingUse;
  /** Messages the write causes (a reviewer told that a figure they reviewed was sent again), queued in its transaction. */
  readonly notices?: readonly OutboxInput[];
}

export type RecordManyResult =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly reason: "locked" | "period_closed"; readonly unitId: number }
  | { readonly ok: false; readonly reason: "pending_gone" };

export interface ApprovalInput {
  readonly periodId: number;
  readonly unitId: number;
  readonly items: readonly { readonly itemCode: string; readonly revision: number }[];
  readonly personId: number;
  readonly label: string;
  readonly channel: EntryChannel;
  readonly pending: PendingUse;
}

export type ApprovalResult =
  | { readonly ok: true; readonly approved: readonly string[]; readonly changed: readonly string[] }
  | { readonly ok: false; readonly reason: "locked" | "period_closed" | "pending_gone" };

export type RecordResult =
  | { readonly ok: true; readonly record: FigureRecord }
  | { readonly ok: false; readonly reason: "locked" | "period_closed" };

export interface FigureRepo {
  /**
   * Append a revision (never overwrite). Refused after the submission
   * deadline unless the unit is reopened, or `force` (an admin, audited).
   */
  record(input: FigureInput, now: Date, options?: { force?: boolean }): Promise<RecordResult>;
  /**
   * Many figures of one period in one transaction, all or nothing: a
   * spreadsheet import, or a batch confirmed in chat (then the confirmation
   * is used up in the same transaction, so a crash cannot save half a batch
   * or lose a confirmed one).
   */
  recordMany(inputs: readonly FigureInput[], now: Date, options?: RecordManyOptions): Promise<RecordManyResult>;
  /**
   * A leader approves the revisions they were shown: each item whose current
   * revision is still the one shown, and still submitted, gets an approved
   * revision; the others are reported as changed. One transaction, with the
   * confirmation used up in it.
   */
  approve(input: ApprovalInput, now: Date): Promise<ApprovalResult>;
  /** The current revision of every figure of a period (withdrawn ones included, with a null figure). */
  current(periodId: number): Promise<FigureRecord[]>;
  currentForUnit(periodId: number, unitId: number): Promise<FigureRecord[]>;
  /** Every revision of one figure, oldest first. */
  history(periodId: number, unitId: number, itemCode: string): Promise<FigureRecord[]>;
  /** A number that changes whenever any figure of the period changes: the key for cached scores. */
  version(periodId: number): Promise<number>;
}

export type PendingLookup =
  | { readonly ok: true; readonly kind: string; readonly payload: unknown }
  /** The action belongs to someone else (a button tapped in a group by another member). */
  | { readonly ok: false; readonly reason: "not_yours" }
  /** Unknown, used already, or expired. */
  | { readonly ok: false; readonly reason: "gone" };

export interface PendingRepo {
  /** Remember a confirmation the bot waits for; returns its id (carried by the buttons). */
  create(identityId: number, kind: string, payload: unknown, expiresAt: Date): Promise<number>;
  /** Read a pending action without using it. */
  peek(id: number, identityId: number, now: Date): Promise<PendingLookup>;
  /** Change a pending action that is still unused (a draft being composed). */
  update(id: number, identityId: number, payload: unknown): Promise<boolean>;
  /** Use a pending action once: null when unknown, someone else's, used or expired. */
  take(id: number, identityId: number, now: Date): Promise<{ kind: string; payload: unknown } | null>;
  /** Delete confirmations that expired before `before`; returns how many. */
  prune(before: Date): Promise<number>;
  /** The person's most recent confirmation of this kind still waiting (unused, unexpired), if any. */
  latest(identityId: number, kind: string, now: Date): Promise<{ id: number; payload: unknown } | null>;
}

/** A confirmation used up by the same transaction that carries it out. */
export interface PendingUse {
  readonly id: number;
  readonly identityId: number;
}

/**
 * Updates from chat platforms, recorded before they are handled, so a
 * re-delivery is handled once and one cut short by a crash is handled again
 * (at start on SQLite; by the queue's retry on PostgreSQL).
 */
export interface InboxRepo {
  /**
   * Record an update as received (a webhook); whether it still needs handling. With `queue`, the update is
   * also queued for handling in the same transaction (PostgreSQL): both happen or neither.
   */
  record(
    channel: string, externalId: string, payload: string, now: Date, queue?: (sql: SqlRunner) => Promise<unknown>,
  ): Promise<"new" | "unfinished" | "done">;
  /**
   * Start handling an update (recording it if it was not), counting the attempt: "done" when it was handled
   * already; "exhausted" when it was started `INBOX_MAX_ATTEMPTS` times and never finished (each time the
   * process died), and is now marked failed with the reason. Only one handler runs per update: one process on
   * SQLite, the queue's one-at-a-time-per-chat on PostgreSQL.
   */
  begin(channel: string, externalId: string, payload: string, now: Date): Promise<"go" | "done" | "exhausted">;
  done(channel: string, externalId: string, now: Date, error?: string): Promise<void>;
  /** A recorded update as received; null when it is not (or no longer) recorded. */
  payload(channel: string, externalId: string): Promise<string | null>;
  /** Updates received and not finished (the last process stopped in between), oldest first: looked at once, at start. */
  unhandled(channel: string): Promise<{ externalId: string; payload: string }[]>;
  /** Delete updates received before `before` (their text and the sender's name go with them); returns how many. */
  prune(before: Date): Promise<number>;
}

export const INBOX_MAX_ATTEMPTS = 3;

/**
 * A snapshot and what it causes, in one transaction: a publication (the
 * period's new status, each unit's result, the department's summary with its
 * files) or a weekly digest. Messages are built once the snapshot has its id.
 */
export interface SnapshotNotice {
  readonly periodId: number;
  readonly kind: SnapshotKind;
  readonly units: readonly SnapshotUnitRecord[];
  readonly actor: Actor;
  readonly now: Date;
  readonly status?: PeriodStatus;
  readonly files?: readonly { readonly kind: "photo" | "document"; readonly filename: string; readonly data: Uint8Array }[];
  readonly messages: (snapshotId: number, fileIds: readonly number[]) => readonly OutboxInput[];
  readonly pending?: PendingUse;
  /** A decision to record in the audit log in the same transaction ("published before the deadlines"). */
  readonly audit?: { readonly action: string; readonly details: Readonly<Record<string, unknown>> };
}

export interface SnapshotRepo {
  save(periodId: number, kind: SnapshotKind, units: readonly SnapshotUnitRecord[], actor: Actor): Promise<SnapshotRecord>;
  saveAndNotify(input: SnapshotNotice): Promise<{ ok: true; snapshotId: number; queued: number } | { ok: false; reason: "pending_gone" }>;
  latest(periodId: number, kind: SnapshotKind): Promise<SnapshotRecord | null>;
  /** The latest of a kind taken before snapshot `beforeId` (the publication before this one). */
  previous(periodId: number, kind: SnapshotKind, beforeId: number): Promise<SnapshotRecord | null>;
  list(periodId: number): Promise<Omit<SnapshotRecord, "units">[]>;
}

export interface AuditRepo {
  log(actor: Actor, action: string, target: string, details?: Readonly<Record<string, unknown>>): Promise<void>;
  list(options?: { limit?: number; action?: string }): Promise<AuditRecord[]>;
}

export interface Store {
  readonly provider: "sqlite" | "postgres";
  readonly provinces: ProvinceRepo;
  readonly units: UnitRepo;
  readonly people: PeopleRepo;
  readonly identities: IdentityRepo;
  readonly invites: InviteRepo;
  readonly periods: PeriodRepo;
  readonly figures: FigureRepo;
  readonly snapshots: SnapshotRepo;
  readonly audit: AuditRepo;
  readonly pending: PendingRepo;
  readonly inbox: InboxRepo;
  readonly outbox: OutboxRepo;
  readonly calendar: CalendarRepo;
  readonly reminderPrefs: ReminderPrefsRepo;
  readonly broadcasts: BroadcastRepo;
  /** Locks across the instances of a deployment (in one process on SQLite). */
  readonly locks: Locks;
  /** Channel OAuth tokens (Zalo OA), encrypted at rest. */
  readonly tokens: TokenRepo;
  readonly evidence: EvidenceRepo;
  readonly reviews: ReviewRepo;
  readonly appeals: AppealRepo;
  /** How the database is doing: faults told from other errors, probes, SQLite's integrity check. */
  readonly health: StoreHealth;
  /** True when no province exists yet (a fresh database). */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
}
