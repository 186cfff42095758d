-- DropIndex
DROP INDEX "JobRun_startedAt_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "JobRun";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "Lease";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "WriteProbe" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "filler" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InboundUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "processedAt" DATETIME,
    "error" TEXT
);
INSERT INTO "new_InboundUpdate" ("attempts", "channel", "error", "externalId", "id", "payload", "processedAt", "receivedAt") SELECT "attempts", "channel", "error", "externalId", "id", "payload", "processedAt", "receivedAt" FROM "InboundUpdate";
DROP TABLE "InboundUpdate";
ALTER TABLE "new_InboundUpdate" RENAME TO "InboundUpdate";
CREATE INDEX "InboundUpdate_channel_processedAt_idx" ON "InboundUpdate"("channel", "processedAt");
CREATE INDEX "InboundUpdate_receivedAt_idx" ON "InboundUpdate"("receivedAt");
CREATE UNIQUE INDEX "InboundUpdate_channel_externalId_key" ON "InboundUpdate"("channel", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

