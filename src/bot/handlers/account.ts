import { exampleArgs, examplesFor, type Examples } from "../examples.js";
import type { RoleName } from "../ports/records.js";
import { line, reply, text, type Button, type Reply } from "../reply.js";
import { rolesIn, type CoreDeps, type Session } from "../session.js";

/** What each role can do, in the order /huongdan lists it. */
const HELP: Record<RoleName | "guest", readonly string[]> = {
  guest: ["start", "ask", "language"],
  officer: [
    "submit", "edit", "withdraw", "evidence", "score", "scorecard", "missing", "target", "ranking", "deadlines", "appeal", "snooze", "delegate", "ask", "unit",
    "whoami", "language",
  ],
  leader: ["score", "scorecard", "missing", "target", "ranking", "approve", "appeal", "deadlines", "snooze", "delegate", "ask", "unit", "whoami", "language"],
  reviewer: ["review", "deadlines", "ask", "unit", "whoami", "language"],
  admin: ["broadcast", "review", "appeal-admin", "publish", "unit", "score", "ranking", "deadlines", "ask", "whoami", "language"],
};

/** What the person's roles can do, with examples from their own ruleset. */
export function helpReply(session: Session, examples: Examples): Reply {
  const roles: (RoleName | "guest")[] = session.person ? [...new Set(session.roles.map((r) => r.role))] : ["guest"];
  const commands = [...new Set(roles.flatMap((r) => HELP[r]))];
  const args = exampleArgs(examples);
  return reply([
    line("bot-help-title", {}, "bold"),
    ...commands.map((c) => line(`bot-help-${c}`, args)),
    line(roles.includes("officer") ? "bot-help-free-text" : session.roles.some((r) => r.unitId !== null) ? "bot-help-free-text-reader" : "bot-help-free-text-guest", args),
  ]);
}

/** /huongdan, and what free text asking for help gets. */
export async function help(deps: CoreDeps, session: Session): Promise<Reply[]> {
  return [helpReply(session, await examplesFor(deps, session))];
}

/** /start with an invite code: bind this chat to the invite's unit and role. */
export async function start(deps: CoreDeps, session: Session, code: string | undefined): Promise<Reply[]> {
  const { store } = deps;
  if (!code) {
    if (!session.person) return [reply([line("bot-start-guest", {}, "bold"), line("bot-start-how")]), ...(await help(deps, session))];
    return [reply([line("bot-start-back", { name: session.person.fullName })]), ...(await help(deps, session))];
  }
  const result = await store.invites.join(code, session.identity.id, session.inbound.displayName ?? "Cán bộ", deps.now());
  if (!result.ok) return [reply([line(`bot-invite-${result.reason}`)])];
  const { invite } = result;
  const unit = invite.unitId ? await store.units.byId(invite.unitId) : null;
  const person = (await store.people.byId(result.personId))!;
  const province = (await store.provinces.list()).find((p) => p.id === invite.provinceId);
  const welcome = reply([
    line("bot-start-welcome", { name: person.fullName }, "bold"),
    line("bot-start-bound", { role: invite.role, unit: unit?.name ?? province?.name ?? "" }),
  ]);
  const updated: Session = { ...session, person, roles: await store.people.roles(person.id), unit: unit ?? session.unit };
  return [welcome, ...(await help(deps, updated))];
}

export async function whoami(deps: CoreDeps, session: Session): Promise<Reply[]> {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const lines = [line("bot-whoami-name", { name: session.person.fullName }, "bold")];
  for (const role of session.roles) {
    const unit = role.unitId === null ? null : session.units.get(role.unitId);
    const province = (await deps.store.provinces.list()).find((p) => p.id === role.provinceId);
    lines.push(line("bot-whoami-role", { role: role.role, unit: unit?.name ?? province?.name ?? "" }));
  }
  if (session.unit) lines.push(line("bot-whoami-active", { unit: session.unit.name }));
  lines.push(line("bot-whoami-language", { language: session.locale }));
  return [reply(lines)];
}

export async function language(deps: CoreDeps, session: Session, to: "vi" | "en" | undefined): Promise<Reply[]> {
  if (!to) {
    return [reply([line("bot-language-choose")], [[
      { label: text("Tiếng Việt"), action: "lang:vi" },
      { label: text("English"), action: "lang:en" },
    ]])];
  }
  await deps.store.identities.setLanguage(session.identity.id, to);
  return [reply([line("bot-language-set", { language: to })])];
}

/** /donvi: which unit the person works for now; admins may look at any unit of their province. */
export async function chooseUnit(deps: CoreDeps, session: Session, code: string | undefined): Promise<Reply[]> {
  if (!session.person || session.provinceId === null) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  const all = session.isAdmin ? await deps.store.units.list(session.provinceId, { activeOnly: true }) : [...session.units.values()];
  if (code) {
    const unit = all.find((u) => u.code.toLowerCase() === code.toLowerCase() || String(u.id) === code);
    if (!unit) return [reply([line("bot-unit-unknown", { code })])];
    await deps.store.identities.setActiveUnit(session.identity.id, unit.id);
    const roles = [...rolesIn(session, unit.id)];
    return [reply([line("bot-unit-set", { unit: unit.name, roles: roles.length })])];
  }
  if (all.length === 0) return [reply([line("bot-unit-none")])];
  // One unit: nothing to choose.
  if (all.length === 1) return [reply([line("bot-unit-only", { unit: all[0]!.name })])];
  // Buttons for a handful; a list to type from when there are many (an admin's whole province).
  if (all.length <= 8) {
    const buttons: Button[][] = all.map((u) => [{ label: text(u.name), action: `unit:${u.code}` }]);
    return [reply([line("bot-unit-choose")], buttons)];
  }
  return [reply([line("bot-unit-choose-typed"), ...all.slice(0, 60).map((u) => text(`${u.code} — ${u.name}`))])];
}
