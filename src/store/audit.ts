import type { AuditRecord } from "../bot/ports/records.js";
import type { AuditRepo } from "../bot/ports/store.js";
import type { Db, Tx } from "./client.js";

/** Write an audit entry inside the caller's transaction, so the action and its record stand or fall together. */
export async function audit(
  tx: Tx, actor: string, action: string, target: string, details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await tx.auditLog.create({ data: { actor, action, target, details: JSON.stringify(details) } });
}

export function createAuditRepo(db: Db): AuditRepo {
  return {
    log: (actor, action, target, details) => audit(db, actor, action, target, details),
    async list(options = {}) {
      const rows = await db.auditLog.findMany({
        where: options.action ? { action: options.action } : {},
        orderBy: { id: "desc" },
        take: options.limit ?? 100,
      });
      return rows.map((r): AuditRecord => ({
        at: r.at, actor: r.actor, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
  };
}
