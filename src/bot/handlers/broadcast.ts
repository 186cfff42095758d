import { dayOf } from "../calendar.js";
import { audienceLine, resolveAudience, type ResolvedAudience } from "../notify/audience.js";
import { broadcastMessage, broadcastReport } from "../notify/broadcasts.js";
import type { Audience, BroadcastRecord } from "../ports/delivery.js";
import { UNIT_KINDS, type ChannelName } from "../ports/records.js";
import { line, reply, text, type Button, type Line, type Reply } from "../reply.js";
import type { CoreDeps, Session } from "../session.js";
import type { TapAnswer } from "./tap.js";
import { PENDING_TTL_MS } from "./submit.js";

export interface PendingBroadcast {
  readonly body: string;
  readonly audience: Audience | null;
}

/** Telegram's message limit, less room for the heading the recipients see above the text. */
const MAX_BODY = 3_800;
const UNITS_LISTED = 10;

function adminOnly(deps: CoreDeps, session: Session): Reply[] | null {
  if (!session.person) return [reply([line("bot-not-bound"), line("bot-start-how")])];
  if (!session.isAdmin || session.provinceId === null) return [reply([line("bot-need-admin")])];
  if (!deps.delivery) return [reply([line("bot-delivery-off")])];
  return null;
}

/** /thongbao <text>: a draft; the department then picks who receives it, sees the count, and confirms. */
export async function startBroadcast(deps: CoreDeps, session: Session, body: string): Promise<Reply[]> {
  const refused = adminOnly(deps, session);
  if (refused) return refused;
  if (!body.trim()) return recentBroadcasts(deps, session);
  const chosen = audienceLine(body);
  const message = (chosen ? chosen.rest : body).trim();
  if (!message) return [reply([line("bot-broadcast-empty")])];
  if (message.length > MAX_BODY) return [reply([line("bot-broadcast-too-long", { length: message.length, max: MAX_BODY })])];
  const audience: Audience | null = chosen ? { kind: "units", unitCodes: chosen.codes, leadersOnly: false } : null;
  const id = await deps.store.pending.create(session.identity.id, "broadcast", { body: message, audience } satisfies PendingBroadcast,
    new Date(deps.now().getTime() + PENDING_TTL_MS));
  return audience ? preview(deps, session, id, { body: message, audience }) : [audienceQuestion(id)];
}

function audienceQuestion(id: number): Reply {
  const button = (key: string, op: string, args?: Record<string, string>): Button[] => [{ label: line(key, args), action: `bc:${id}:${op}` }];
  return reply([line("bot-broadcast-audience")], [
    button("bot-broadcast-to-all", "all"),
    ...UNIT_KINDS.map((kind) => button("bot-broadcast-to-kind", `kind:${kind}`, { kind })),
    button("bot-broadcast-to-district", "districts"),
    [{ label: line("bot-button-cancel"), action: `no:${id}` }],
  ]);
}

type Reached = ResolvedAudience & { reach: Map<number, { channel: ChannelName; id: number }> };

async function resolved(deps: CoreDeps, session: Session, audience: Audience): Promise<Reached> {
  const provinceId = session.provinceId!;
  const [units, roles] = await Promise.all([deps.store.units.list(provinceId), deps.store.people.activeRoles(provinceId)]);
  const result = resolveAudience(units, roles, audience);
  const reach = await deps.store.identities.preferred(result.personIds, deps.delivery!.channels);
  return { ...result, reach };
}

async function preview(deps: CoreDeps, session: Session, id: number, draft: PendingBroadcast & { audience: Audience }): Promise<Reply[]> {
  const { units, personIds, unknownCodes, reach } = await resolved(deps, session, draft.audience);
  const perChannel = new Map<ChannelName, number>();
  for (const identity of reach.values()) perChannel.set(identity.channel, (perChannel.get(identity.channel) ?? 0) + 1);
  const lines: Line[] = [
    line("bot-broadcast-preview", { people: reach.size, units: units.length, leadersOnly: draft.audience.leadersOnly ? "yes" : "no" }, "bold"),
    ...[...perChannel].map(([channel, count]) => line("bot-broadcast-channel", { channel, count })),
  ];
  if (unknownCodes.length > 0) lines.push(line("bot-broadcast-unknown-units", { codes: unknownCodes.join(", ") }));
  const reached = new Set([...reach.keys()]);
  const roles = await deps.store.people.activeRoles(session.provinceId!);
  const silent = units.filter((u) => !roles.some((r) => r.unitId === u.id && reached.has(r.personId)));
  if (silent.length > 0) {
    lines.push(line("bot-broadcast-silent-units", { count: silent.length, units: silent.slice(0, UNITS_LISTED).map((u) => u.name).join("; "), more: Math.max(0, silent.length - UNITS_LISTED) }));
  }
  if (personIds.length > 0 && reach.size === 0) lines.push(line("bot-broadcast-nobody"));
  lines.push(line("bot-broadcast-quote"), text(draft.body, "italic"));
  const buttons: Button[][] = [
    ...(reach.size > 0 ? [[{ label: line("bot-button-send"), action: `ok:${id}` }]] : []),
    [{ label: line(draft.audience.leadersOnly ? "bot-broadcast-with-officers" : "bot-broadcast-leaders-only"), action: `bc:${id}:leaders` },
      { label: line("bot-broadcast-change-audience"), action: `bc:${id}:audience` }],
    [{ label: line("bot-button-cancel"), action: `no:${id}` }],
  ];
  return [reply(lines, buttons)];
}

/** A tap while composing: the audience, leaders only or all, the district. */
export async function broadcastStep(deps: CoreDeps, session: Session, id: number, op: string, arg: string | undefined): Promise<Reply[]> {
  const refused = adminOnly(deps, session);
  if (refused) return refused;
  const pending = await deps.store.pending.peek(id, session.identity.id, deps.now());
  if (!pending.ok || pending.kind !== "broadcast") return [reply([line(pending.ok || pending.reason === "gone" ? "bot-pending-gone" : "bot-pending-not-yours")])];
  const draft = pending.payload as PendingBroadcast;
  let audience: Audience | null = draft.audience;
  const leadersOnly = draft.audience?.leadersOnly ?? false;
  if (op === "all") audience = { kind: "all", leadersOnly };
  else if (op === "kind" && arg && (UNIT_KINDS as readonly string[]).includes(arg)) audience = { kind: "unit_kind", unitKind: arg, leadersOnly };
  else if (op === "district" && arg) audience = { kind: "district", districtCode: arg, leadersOnly };
  else if (op === "leaders" && audience) audience = { ...audience, leadersOnly: !audience.leadersOnly };
  else if (op === "audience") return [audienceQuestion(id)];
  else if (op === "districts") {
    const districts = (await deps.store.units.list(session.provinceId!)).filter((u) => u.kind === "district");
    if (districts.length === 0) return [reply([line("bot-broadcast-no-districts")])];
    return [reply([line("bot-broadcast-which-district")], [
      ...districts.map((d) => [{ label: text(d.name), action: `bc:${id}:district:${d.code}` }]),
      [{ label: line("bot-button-cancel"), action: `no:${id}` }],
    ])];
  }
  if (!audience) return [audienceQuestion(id)];
  await deps.store.pending.update(id, session.identity.id, { ...draft, audience } satisfies PendingBroadcast);
  return preview(deps, session, id, { body: draft.body, audience });
}

/** The confirmed broadcast: recorded with all its messages in one transaction, then sent by the queue. */
export async function broadcastConfirmed(deps: CoreDeps, session: Session, pendingId: number, draft: PendingBroadcast): Promise<TapAnswer> {
  const refused = adminOnly(deps, session);
  if (refused) return { replies: refused, tap: "done" };
  if (!draft.audience) return { replies: [audienceQuestion(pendingId)], tap: "gone" };
  const { reach } = await resolved(deps, session, draft.audience);
  const now = deps.now();
  const created = await deps.store.broadcasts.create(
    { provinceId: session.provinceId!, senderId: session.identity.id, body: draft.body, audience: draft.audience },
    (broadcastId) => [...reach.values()].map((identity) => ({
      key: `broadcast:${broadcastId}:${identity.id}`, identityId: identity.id, kind: "broadcast" as const, broadcastId,
      reply: broadcastMessage(broadcastId, draft.body), notBefore: now,
    })),
    now, { id: pendingId, identityId: session.identity.id },
  );
  if (!created) return { replies: [reply([line("bot-pending-gone")])], tap: "gone" };
  deps.delivery!.wake();
  return { replies: [reply([line("bot-broadcast-queued", { id: created.id, people: created.recipients })])], tap: "done" };
}

/** "Đã nhận": a recipient acknowledges an announcement. */
export async function acknowledge(deps: CoreDeps, session: Session, broadcastId: number): Promise<TapAnswer> {
  const broadcast = await deps.store.broadcasts.byId(broadcastId);
  if (!broadcast) return { replies: [reply([line("bot-pending-gone")])], tap: "gone" };
  const outcome = await deps.store.broadcasts.acknowledge(broadcastId, session.identity.id, deps.now());
  if (outcome === "not_recipient") return { replies: [reply([line("bot-broadcast-not-yours", { id: broadcastId })])], tap: "not_yours" };
  return { replies: [reply([line(outcome === "new" ? "bot-broadcast-thanks" : "bot-broadcast-thanked-before", { id: broadcastId })])], tap: "done" };
}

async function ownBroadcast(deps: CoreDeps, session: Session, id: number): Promise<BroadcastRecord | Reply[]> {
  const refused = adminOnly(deps, session);
  if (refused) return refused;
  const broadcast = await deps.store.broadcasts.byId(id);
  if (!broadcast || broadcast.provinceId !== session.provinceId) return [reply([line("bot-broadcast-unknown", { id })])];
  return broadcast;
}

/** The delivery report of a broadcast, as it stands now. */
export async function reportNow(deps: CoreDeps, session: Session, id: number): Promise<Reply[]> {
  const broadcast = await ownBroadcast(deps, session, id);
  if (Array.isArray(broadcast)) return broadcast;
  const delivery = await deps.store.outbox.broadcastDelivery(id);
  const acked = await deps.store.broadcasts.acknowledgedBy(id);
  return [broadcastReport(broadcast, delivery, acked) as Reply];
}

/** Remind everyone who received a broadcast and has not acknowledged it (once a day at most). */
export async function nudgeUnacknowledged(deps: CoreDeps, session: Session, id: number): Promise<Reply[]> {
  const broadcast = await ownBroadcast(deps, session, id);
  if (Array.isArray(broadcast)) return broadcast;
  const now = deps.now();
  const acked = await deps.store.broadcasts.acknowledgedBy(id);
  const { delivered } = await deps.store.outbox.broadcastDelivery(id);
  const waiting = delivered.filter((identityId) => !acked.has(identityId));
  const queued = await deps.store.outbox.enqueue(waiting.map((identityId) => ({
    key: `broadcast:${id}:nudge:${dayOf(now)}:${identityId}`, identityId, kind: "notice" as const, notBefore: now,
    reply: broadcastMessage(id, broadcast.body, true),
  })));
  deps.delivery!.wake();
  return [reply([line(queued > 0 ? "bot-broadcast-nudged" : "bot-broadcast-nudged-none", { count: queued, waiting: waiting.length })])];
}

/** /thongbao alone: how to write one, and the latest ones with their reports. */
async function recentBroadcasts(deps: CoreDeps, session: Session): Promise<Reply[]> {
  const recent = await deps.store.broadcasts.list(session.provinceId!, 5);
  const lines: Line[] = [line("bot-broadcast-how")];
  if (recent.length > 0) lines.push(line("bot-broadcast-recent"));
  for (const b of recent) lines.push(line("bot-broadcast-recent-item", { id: b.id, date: b.createdAt, people: b.recipients, preview: b.body.slice(0, 60) }));
  return [reply(lines, recent.map((b) => [{ label: line("bot-broadcast-report-button", { id: b.id }), action: `bcr:${b.id}` }]))];
}
