import type { QueuedReply } from "./ports/delivery.js";

/**
 * Queued replies as JSON. Message arguments may be dates, which JSON would
 * turn into strings the message formatter no longer reads as dates: they are
 * tagged on the way in and restored on the way out.
 */
export function encodeReply(reply: QueuedReply): string {
  return JSON.stringify(reply, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function decodeReply(json: string): QueuedReply {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === "object" && "$date" in value && typeof (value as { $date: unknown }).$date === "string") {
      return new Date((value as { $date: string }).$date);
    }
    return value;
  }) as QueuedReply;
}
