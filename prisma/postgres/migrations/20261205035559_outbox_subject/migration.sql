-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "subject" TEXT;

