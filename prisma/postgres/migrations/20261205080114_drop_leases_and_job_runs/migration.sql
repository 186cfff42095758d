-- AlterTable
ALTER TABLE "InboundUpdate" DROP COLUMN "claimedUntil";

-- DropTable
DROP TABLE "JobRun";

-- DropTable
DROP TABLE "Lease";

-- CreateTable
CREATE TABLE "WriteProbe" (
    "name" TEXT NOT NULL,
    "filler" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WriteProbe_pkey" PRIMARY KEY ("name")
);

