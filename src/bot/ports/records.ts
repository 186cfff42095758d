import type { Figure } from "../../scoring/index.js";

/**
 * The records the core works with. The store maps its rows to these; nothing
 * outside src/store sees a database type.
 */

export const UNIT_KINDS = ["department", "central_agency", "district", "commune"] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

export const ROLES = ["officer", "leader", "reviewer", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

export const CHANNELS = ["telegram", "zalo", "console"] as const;
export type ChannelName = (typeof CHANNELS)[number];
/** Where a figure came from: a chat channel, the admin command line, or a spreadsheet import. */
export type EntryChannel = ChannelName | "cli" | "import";

export const PERIOD_STATUSES = ["open", "review", "published", "closed"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const FIGURE_STATUSES = ["draft", "submitted", "approved", "reviewed", "evidence_requested", "disputed", "withdrawn"] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export const DEADLINE_KINDS = ["submission", "leader_approval", "review", "appeal", "publication"] as const;
export type PeriodDeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface ProvinceRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

/** Which ruleset a ranking group of a province's units is scored with. */
export interface RulesetAssignment {
  readonly groupCode: string;
  /** e.g. "Sở, ban, ngành có bộ thủ tục hành chính"; shown in results. */
  readonly groupName: string;
  readonly rulesetId: string;
}

export interface UnitRecord {
  readonly id: number;
  readonly provinceId: number;
  readonly code: string;
  readonly name: string;
  readonly kind: UnitKindCode;
  readonly parentId: number | null;
  /** Units are ranked within their group. */
  readonly groupCode: string | null;
  readonly tags: readonly string[];
  readonly active: boolean;
}

export interface SuccessionRecord {
  readonly fromUnitId: number;
  readonly toUnitId: number;
  readonly effectiveOn: Date;
  readonly note: string | null;
}

export interface PersonRecord {
  readonly id: number;
  readonly provinceId: number;
  readonly fullName: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface RoleRecord {
  readonly id: number;
  readonly personId: number;
  readonly provinceId: number;
  readonly unitId: number | null;
  readonly role: RoleName;
  /** Reviewers: item or main-index codes they appraise; empty means all. */
  readonly scope: readonly string[];
}

export interface IdentityRecord {
  readonly id: number;
  readonly personId: number | null;
  readonly channel: ChannelName;
  /** Platform ids stay strings (Zalo ids exceed 2^53). */
  readonly externalId: string;
  readonly chatId: string | null;
  readonly displayName: string | null;
  readonly language: "vi" | "en";
  readonly reachable: boolean;
  readonly unreachableReason: string | null;
  readonly lastInteractionAt: Date | null;
  readonly activeUnitId: number | null;
}

export interface InviteRecord {
  readonly id: number;
  readonly provinceId: number;
  readonly unitId: number | null;
  readonly role: RoleName;
  readonly maxUses: number;
  readonly uses: number;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly createdBy: string;
  readonly note: string | null;
}

export interface DeadlineRecord {
  readonly kind: PeriodDeadlineKind;
  readonly dueAt: Date;
}

export interface PeriodRecord {
  readonly id: number;
  readonly provinceId: number;
  readonly rulesetId: string;
  readonly year: number;
  readonly status: PeriodStatus;
  readonly windowFrom: Date | null;
  readonly windowTo: Date | null;
  readonly deadlines: readonly DeadlineRecord[];
}

export interface ReopeningRecord {
  readonly periodId: number;
  readonly unitId: number;
  readonly until: Date;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** "document number – date: summary", the form the decisions ask for. */
export interface EvidenceRef {
  readonly number?: string;
  readonly date?: string;
  readonly summary: string;
}

/** One revision of one figure; the latest revision is the figure's current state. */
export interface FigureRecord {
  readonly periodId: number;
  readonly unitId: number;
  readonly itemCode: string;
  readonly revision: number;
  /** As typed; null when withdrawn. */
  readonly rawValue: string | null;
  readonly figure: Figure | null;
  readonly evidence: readonly EvidenceRef[];
  readonly reviewFigure: Figure | null;
  /** Points set by a reviewer, overriding the rule. */
  readonly reviewPoints: number | null;
  readonly reviewNote: string | null;
  /** For "evidence_requested": by when the unit is to add it. */
  readonly evidenceDue: Date | null;
  readonly status: FigureStatus;
  readonly enteredBy: number | null;
  /** Who, in words: a person's name, "import: file.xlsx", "cli". */
  readonly enteredByLabel: string;
  readonly channel: EntryChannel;
  readonly note: string | null;
  readonly at: Date;
}

export interface SnapshotUnitRecord {
  readonly unitId: number;
  readonly groupCode: string;
  readonly rank: number;
  readonly total: number;
  readonly max: number;
  readonly value: number;
  readonly classId: string | null;
  readonly detail: SnapshotDetail;
}

export interface SnapshotDetail {
  readonly selfTotal: number;
  readonly indices: readonly { readonly code: string; readonly points: number; readonly max: number }[];
  readonly items: readonly { readonly code: string; readonly points: number; readonly effect: "base" | "bonus" | "penalty" }[];
  readonly missing: readonly string[];
}

export type SnapshotKind = "provisional" | "published";

export interface SnapshotRecord {
  readonly id: number;
  readonly periodId: number;
  readonly kind: SnapshotKind;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly units: readonly SnapshotUnitRecord[];
}

export interface AuditRecord {
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly details: Readonly<Record<string, unknown>>;
}
