import type { Locale } from "../i18n/index.js";
import type { Catalog } from "../rulesets/index.js";
import type { Ruleset } from "../scoring/index.js";
import type { IdentityRecord, PeriodRecord, PersonRecord, RoleName, RoleRecord, UnitRecord } from "./ports/records.js";
import type { DeliveryPort, Reports } from "./ports/reports.js";
import type { EvidenceSettings } from "./ports/review.js";
import type { Store } from "./ports/store.js";
import { line, type Inbound, type Line } from "./reply.js";
import type { ScoreCache } from "./score-cache.js";
import type { ItemSearch } from "./search.js";

/** A minimal logger port, so the core needs no logging library. */
export interface LogPort {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface CoreDeps {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly search: ItemSearch;
  readonly scores: ScoreCache;
  readonly now: () => Date;
  readonly log: LogPort;
  /** The bot's username on the channel, to recognise commands and mentions addressed to it. */
  readonly botUsername?: string;
  /** The delivery queue, for announcements and results pushed to others; without it they are refused. */
  readonly delivery?: DeliveryPort;
  readonly reports?: Reports;
  /** Evidence files: where they are kept and what is accepted; without it, files are refused politely. */
  readonly evidence?: EvidenceSettings;
}

/** Who is writing, as the core needs to know them for one update. */
export interface Session {
  readonly inbound: Inbound;
  readonly identity: IdentityRecord;
  readonly locale: Locale;
  readonly person: PersonRecord | null;
  readonly roles: readonly RoleRecord[];
  /** Units the person holds a role in. */
  readonly units: ReadonlyMap<number, UnitRecord>;
  /** The unit the person works for now (chosen with /donvi when there are several). */
  readonly unit: UnitRecord | null;
  readonly isAdmin: boolean;
  readonly provinceId: number | null;
}

export function rolesIn(session: Session, unitId: number | null | undefined): Set<RoleName> {
  return new Set(session.roles.filter((r) => r.unitId === unitId).map((r) => r.role));
}

export async function loadSession(deps: CoreDeps, inbound: Inbound): Promise<Session> {
  const { store } = deps;
  // Pushes go to the person's private chat: a group they wrote in does not replace it.
  const touched = await store.identities.touch(inbound.channel, inbound.userId, inbound.at, {
    ...(inbound.chatType === "private" && { chatId: inbound.chatId }), ...(inbound.displayName && { displayName: inbound.displayName }),
  });
  let identity = touched;
  // First contact: speak the platform's language if it is English, Vietnamese otherwise.
  if (touched.created && inbound.languageHint?.startsWith("en")) {
    await store.identities.setLanguage(touched.id, "en");
    identity = { ...touched, language: "en" };
  }
  const person = identity.personId ? await store.people.byId(identity.personId) : null;
  const roles = person ? await store.people.roles(person.id) : [];
  const units = new Map<number, UnitRecord>();
  for (const role of roles) {
    if (role.unitId !== null && !units.has(role.unitId)) {
      const unit = await store.units.byId(role.unitId);
      if (unit) units.set(unit.id, unit);
    }
  }
  const isAdmin = roles.some((r) => r.role === "admin");
  const active = identity.activeUnitId;
  const unit = active !== null && (units.has(active) || isAdmin)
    ? units.get(active) ?? await store.units.byId(active)
    : [...units.values()][0] ?? null;
  return {
    inbound, identity, locale: identity.language, person, roles, units, unit, isAdmin,
    provinceId: person?.provinceId ?? null,
  };
}

/** The period a unit is evaluated in now: open first, then under review, then published; the latest year. */
export async function periodForUnit(deps: CoreDeps, unit: UnitRecord): Promise<{ period: PeriodRecord; ruleset: Ruleset } | null> {
  const assignments = await deps.store.provinces.rulesets(unit.provinceId);
  const rulesetId = assignments.find((a) => a.groupCode === unit.groupCode)?.rulesetId;
  if (!rulesetId) return null;
  const ruleset = deps.catalog.get(rulesetId);
  if (!ruleset) return null;
  const order = ["open", "review", "published", "closed"];
  const periods = (await deps.store.periods.list(unit.provinceId))
    .filter((p) => p.rulesetId === rulesetId)
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || b.year - a.year);
  return periods[0] ? { period: periods[0], ruleset } : null;
}

/**
 * What someone without a unit to work on is told: an admin chooses one with
 * /donvi; anyone else (a reviewer, a guest) works for no unit, and is told so
 * rather than sent to a list that is empty for them.
 */
export function noUnitLine(session: Session): Line {
  return line(session.isAdmin ? "bot-unit-choose-first" : "bot-no-unit-role");
}
