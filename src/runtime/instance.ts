import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * This process, as it names itself to pg-boss and on the messages it takes
 * to send: the configured instance name (or host and pid) with a run id of
 * its own, so a restart under the same INSTANCE_ID is still another run, and
 * what the previous run left on its way is recognised as left.
 */
export function processIdentity(name: string | undefined): string {
  return `${name ?? `${hostname()}-${process.pid}`}#${randomBytes(4).toString("hex")}`;
}
