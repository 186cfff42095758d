import { vnDay } from "../../i18n/dates.js";
import type { OutboxInput, OutboxRecord, ReroutePlan } from "../ports/delivery.js";
import type { ChannelName } from "../ports/records.js";
import type { Store } from "../ports/store.js";
import { line } from "../reply.js";

const NOTICE_PREFIX = "cannot-reach:";

/**
 * When a channel cannot take a message now (a Zalo user who has not written
 * within the window): the same message to the person's other channel they
 * used last, or, when they have none, a notice to the leaders of their units
 * (once a day per person), so someone asks them to write to the OA again.
 */
export function createRerouter(deps: { store: Store; channels: readonly ChannelName[]; now: () => Date }) {
  return async (m: OutboxRecord): Promise<ReroutePlan> => {
    const personId = m.identity.personId;
    if (personId === null) return { via: null, notices: [] };
    const now = deps.now();
    const other = (await deps.store.identities.ofPerson(personId))
      .filter((i) => i.channel !== m.identity.channel && i.reachable && deps.channels.includes(i.channel))
      .sort((a, b) => (b.lastInteractionAt?.getTime() ?? 0) - (a.lastInteractionAt?.getTime() ?? 0))[0];
    if (other) {
      return {
        via: {
          key: `${m.key}>${other.channel}`, identityId: other.id, kind: m.kind, reply: m.reply, notBefore: now,
          ...(m.broadcastId !== null && { broadcastId: m.broadcastId }), ...(m.subject && { subject: m.subject }),
        },
        notices: [],
      };
    }
    // A notice that cannot reach its leader does not start notices of its own.
    if (m.key.startsWith(NOTICE_PREFIX)) return { via: null, notices: [] };
    const person = await deps.store.people.byId(personId);
    if (!person) return { via: null, notices: [] };
    const unitIds = [...new Set((await deps.store.people.roles(personId)).map((r) => r.unitId).filter((id): id is number => id !== null))];
    const { year, month, day } = vnDay(now);
    const notices: OutboxInput[] = [];
    for (const unitId of unitIds) {
      const unit = await deps.store.units.byId(unitId);
      if (!unit) continue;
      const leaders = (await deps.store.people.holders(person.provinceId, unitId, "leader")).filter((l) => l.id !== personId);
      const reach = await deps.store.identities.preferred(leaders.map((l) => l.id), deps.channels);
      for (const [leaderId, identity] of reach) {
        notices.push({
          key: `${NOTICE_PREFIX}${personId}:${year}-${month}-${day}:${leaderId}`, identityId: identity.id, kind: "notice", notBefore: now,
          reply: {
            lines: [
              line("notify-cannot-reach", { name: person.fullName, unit: unit.name, channel: m.identity.channel, kind: m.kind }),
              line("notify-cannot-reach-how", { name: person.fullName, channel: m.identity.channel }),
            ],
          },
        });
      }
    }
    return { via: null, notices };
  };
}
