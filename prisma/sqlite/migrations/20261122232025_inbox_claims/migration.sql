-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN "claimedUntil" DATETIME;

