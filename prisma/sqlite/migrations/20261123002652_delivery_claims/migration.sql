-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "claimedBy" TEXT;

-- AlterTable
ALTER TABLE "ReminderDelegation" ADD COLUMN "unitId" INTEGER;

