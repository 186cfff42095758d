-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProvinceRuleset" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "provinceId" INTEGER NOT NULL,
    "rulesetId" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "groupName" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProvinceRuleset_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ProvinceRuleset" ("groupCode", "id", "provinceId", "rulesetId") SELECT "groupCode", "id", "provinceId", "rulesetId" FROM "ProvinceRuleset";
DROP TABLE "ProvinceRuleset";
ALTER TABLE "new_ProvinceRuleset" RENAME TO "ProvinceRuleset";
CREATE UNIQUE INDEX "ProvinceRuleset_provinceId_groupCode_key" ON "ProvinceRuleset"("provinceId", "groupCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

