-- AlterTable
ALTER TABLE "ProvinceRuleset" ADD COLUMN     "groupName" TEXT NOT NULL DEFAULT '';

