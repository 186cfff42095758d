import { fold } from "../../scoring/index.js";
import type { Audience } from "../ports/delivery.js";
import type { RoleRecord, UnitRecord } from "../ports/records.js";

export interface ResolvedAudience {
  readonly units: readonly UnitRecord[];
  /** Leaders, and officers unless the announcement is for leaders only. */
  readonly personIds: readonly number[];
  /** Codes given that match no active unit. */
  readonly unknownCodes: readonly string[];
}

/** The active units and people an announcement goes to. */
export function resolveAudience(units: readonly UnitRecord[], roles: readonly RoleRecord[], audience: Audience): ResolvedAudience {
  const active = units.filter((u) => u.active);
  let chosen: UnitRecord[];
  let unknownCodes: string[] = [];
  switch (audience.kind) {
    case "all":
      chosen = active;
      break;
    case "unit_kind":
      chosen = active.filter((u) => u.kind === audience.unitKind);
      break;
    case "district": {
      const district = units.find((u) => u.code === audience.districtCode);
      chosen = district ? active.filter((u) => u.parentId === district.id) : [];
      break;
    }
    case "units": {
      const byCode = new Map(active.map((u) => [u.code.toUpperCase(), u]));
      chosen = audience.unitCodes.flatMap((c) => byCode.get(c.toUpperCase()) ?? []);
      unknownCodes = audience.unitCodes.filter((c) => !byCode.has(c.toUpperCase()));
      break;
    }
  }
  const ids = new Set(chosen.map((u) => u.id));
  const wanted = new Set(audience.leadersOnly ? ["leader"] : ["leader", "officer"]);
  const personIds = [...new Set(roles.filter((r) => r.unitId !== null && ids.has(r.unitId) && wanted.has(r.role)).map((r) => r.personId))];
  return { units: chosen, personIds, unknownCodes };
}

/** "Gửi: S01, S02" (also "Gửi đến:", "Đến:", "To:") on the first line chooses units by code. */
export function audienceLine(body: string): { codes: readonly string[]; rest: string } | null {
  const [first, ...rest] = body.split("\n");
  const m = /^(?:gui(?: den)?|den|to)\s*:\s*(.+)$/.exec(fold(first ?? "").trim());
  if (!m) return null;
  const original = first!.slice(first!.indexOf(":") + 1);
  const codes = original.split(/[,;\s]+/).map((c) => c.trim()).filter(Boolean);
  return codes.length > 0 ? { codes, rest: rest.join("\n").trim() } : null;
}
