import type { FileStorage } from "../bot/ports/review.js";
import type { Store } from "../bot/ports/store.js";
import { DEFAULT_SQLITE_URL, providerOf, type Provider } from "./adapter.js";
import { createAppealRepo } from "./appeals.js";
import { createAuditRepo } from "./audit.js";
import { createBroadcastRepo } from "./broadcasts.js";
import { createCalendarRepo, createReminderPrefsRepo } from "./calendar.js";
import { createOutboxRepo } from "./outbox.js";
import { createInboxRepo, createPendingRepo } from "./chat-state.js";
import { openDatabase } from "./client.js";
import { createDatabaseFileStorage } from "./database-file-storage.js";
import { createEvidenceRepo } from "./evidence.js";
import { createFigureRepo } from "./figures.js";
import { createIdentityRepo } from "./identities.js";
import { createInviteRepo } from "./invites.js";
import { createLocks } from "./locks.js";
import { createPeopleRepo } from "./people.js";
import { createPeriodRepo } from "./periods.js";
import { createProvinceRepo } from "./provinces.js";
import { createReviewRepo } from "./reviews.js";
import { createSnapshotRepo } from "./snapshots.js";
import { createTokenRepo } from "./tokens.js";
import { createUnitRepo } from "./units.js";

export { DEFAULT_SQLITE_URL, providerOf, type Provider };
export { migrate } from "./migrate.js";
export { hashCode, normaliseCode } from "./invites.js";
export { createFileStorage } from "./file-storage.js";
export { createEvidenceStorage, type EvidenceStorageKind } from "./evidence-storage.js";

/** Used when INVITE_SECRET is not configured (demo and development); production sets its own. */
export const DEVELOPMENT_INVITE_SECRET = "dti-bot-development-invite-secret";

/** The store as opened, with what only the composition root and `dti` need. */
export type OpenStore = Store & {
  readonly migrationsApplied: readonly string[];
  /** Evidence content kept in this database: use `createEvidenceStorage`, which picks it when EVIDENCE_STORAGE=database. */
  readonly evidenceContent: FileStorage;
  /** Evidence records, and how many files the database holds: records with no content in it are files kept on disk. */
  evidenceCounts(): Promise<{ readonly records: number; readonly inDatabase: number }>;
};

/**
 * Open the store: migrate the database (creating the SQLite file on first
 * start) and return repositories that speak the project's own records.
 * `tokenKey` (ZALO_TOKEN_KEY) encrypts channel tokens; without it they can be neither saved nor read.
 */
export async function createStore(
  url: string = DEFAULT_SQLITE_URL, options: { inviteSecret?: string; tokenKey?: string } = {},
): Promise<OpenStore> {
  const { db, provider, migrationsApplied, health } = await openDatabase(url);
  const locks = createLocks(provider, url);
  return {
    provider,
    migrationsApplied,
    health,
    provinces: createProvinceRepo(db),
    units: createUnitRepo(db),
    people: createPeopleRepo(db),
    identities: createIdentityRepo(db),
    invites: createInviteRepo(db, options.inviteSecret ?? DEVELOPMENT_INVITE_SECRET),
    periods: createPeriodRepo(db, provider),
    figures: createFigureRepo(db, provider),
    snapshots: createSnapshotRepo(db),
    audit: createAuditRepo(db),
    pending: createPendingRepo(db),
    inbox: createInboxRepo(db),
    outbox: createOutboxRepo(db),
    calendar: createCalendarRepo(db),
    reminderPrefs: createReminderPrefsRepo(db),
    broadcasts: createBroadcastRepo(db),
    locks,
    tokens: createTokenRepo(db, options.tokenKey),
    evidence: createEvidenceRepo(db),
    reviews: createReviewRepo(db),
    appeals: createAppealRepo(db),
    evidenceContent: createDatabaseFileStorage(db),
    evidenceCounts: async () => ({ records: await db.evidence.count(), inDatabase: await db.evidenceContent.count() }),
    isEmpty: async () => (await db.province.count()) === 0,
    async close() {
      await locks.close();
      await db.$disconnect();
    },
  };
}
