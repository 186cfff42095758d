import type { RoleName } from "../bot/ports/records.js";
import type { UnitInputRow } from "../bot/ports/store.js";

/** A ranking group of the demo and the set it is scored with. */
export interface DemoGroup {
  readonly groupCode: string;
  readonly groupName: string;
  readonly rulesetId: string;
}

/** Everything a demo province needs: its units, groups, the people to chat as, and the year it evaluates. */
export interface DemoProvince {
  readonly code: string;
  readonly name: string;
  /** The department that runs the evaluation, as its staff are named in the demo. */
  readonly organiser: string;
  readonly groups: readonly DemoGroup[];
  units(): UnitInputRow[];
  /** The unit whose reviewer the demo has. */
  readonly reviewerUnit: string;
  /** Invite codes printed at start: label, role, unit code (none for the admin). */
  readonly invites: readonly (readonly [string, RoleName, string | null])[];
  /** The people the terminal demo offers, in order. */
  readonly logins: readonly (readonly [RoleName, string | null])[];
  /** Items one unit corrected after sending, so "who changed this" has a history. */
  readonly correctedItems: readonly string[];
  /** The evaluation year open on a given day (Asia/Ho_Chi_Minh calendar year and month). */
  evaluationYear(year: number, month: number): number;
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Quốc"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trung", "Vy"];

/** A plausible, made-up Vietnamese name (demo data). */
export function demoName(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
}

export const pad = (n: number) => String(n).padStart(2, "0");
