-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN     "claimedUntil" TIMESTAMP(3);

