import { vnDay } from "../../i18n/dates.js";
import type { OutboxInput } from "../ports/delivery.js";
import type { ChannelName } from "../ports/records.js";
import type { Store } from "../ports/store.js";
import type { Line } from "../reply.js";

/**
 * Tell every province's admins something only they can fix (the Zalo OA must
 * be authorised again), on the given channels, once a day per topic and admin.
 * Returns how many messages were queued.
 */
export async function alertAdmins(
  deps: { store: Store; wake?: () => void }, topic: string, lines: readonly Line[], channels: readonly ChannelName[], now: Date,
): Promise<number> {
  const { year, month, day } = vnDay(now);
  const messages: OutboxInput[] = [];
  for (const province of await deps.store.provinces.list()) {
    const admins = await deps.store.people.holders(province.id, null, "admin");
    const reach = await deps.store.identities.preferred(admins.map((a) => a.id), channels);
    for (const [adminId, identity] of reach) {
      messages.push({ key: `alert:${topic}:${year}-${month}-${day}:${adminId}`, identityId: identity.id, kind: "notice", reply: { lines }, notBefore: now });
    }
  }
  const queued = await deps.store.outbox.enqueue(messages);
  if (queued > 0) deps.wake?.();
  return queued;
}
