import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

// The compiled build as production runs it: tsconfig.build.json into a folder of
// its own (not the checkout's dist/, which `dti` may be running), beside links to
// what the code finds from its own location (package.json for ESM, node_modules,
// locales, rulesets, prisma migrations), so paths from import.meta.url are checked
// too. --noCheck: types are `npm run typecheck`'s job; this is about the output.
let app: string;
const dti = (args: readonly string[]) => run(process.execPath, [join(app, "dist", "cli", "main.js"), ...args], {
  cwd: app, env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", DATABASE_URL: `file:${join(app, "dti.db")}` },
});

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), "dti-build-"));
  for (const entry of ["package.json", "node_modules", "locales", "rulesets", "prisma"]) symlinkSync(join(ROOT, entry), join(app, entry));
  await run(process.execPath, [TSC, "-p", "tsconfig.build.json", "--outDir", join(app, "dist"), "--incremental", "false", "--noCheck"], { cwd: ROOT });
}, 180_000);
afterAll(() => {
  rmSync(app, { recursive: true, force: true });
});

describe("the compiled build", () => {
  it("answers dti --help with plain node: every command with its description", async () => {
    const { stdout } = await dti(["--help"]);
    expect(stdout).toMatch(/^Usage: dti \[options\] \[command\]\n\nDTI Bot — công cụ quản trị \/ admin tool\n/);
    expect(stdout).toContain("--lang <locale>");
    for (const [command, description] of [
      ["rulesets", "Bộ chỉ số: kiểm tra, xem, nhập từ phụ lục"], ["score [options] <ruleset> <figures>", "Chấm điểm và xếp hạng"],
      ["units", "Danh mục đơn vị"], ["people", "Cán bộ và vai trò"], ["groups", "Nhóm xếp hạng"], ["period", "Kỳ đánh giá"],
      ["invite", "Mã mời"], ["export", "Xuất Excel, Word"], ["import", "Nhập Excel"], ["queue", "Hàng đợi tin gửi đi"],
      ["calendar", "Lịch làm việc"], ["backup <dir>", "Sao lưu"], ["restore <dir>", "Khôi phục"], ["evidence", "Minh chứng"],
      ["zalo", "Zalo Official Account"], ["demo", "Dữ liệu minh hoạ"], ["help [command]", "display help for command"],
    ]) {
      expect(stdout).toMatch(new RegExp(`^ {2}${command!.replace(/[[\]]/g, "\\$&")} +${description}`, "m"));
    }
  });

  it("answers a command's --help", async () => {
    const { stdout } = await dti(["export", "--help"]);
    expect(stdout).toMatch(/^Usage: dti export \[options\] \[command\]\n\nXuất Excel, Word\n/);
    expect(stdout).toMatch(/^ {2}results \[options\] <period> +Phụ lục kết quả xếp hạng \(Excel\)/m);
    expect(stdout).toMatch(/^ {2}decision \[options\] <period> +Dự thảo Quyết định công bố kết quả \(Word\)/m);
  });

  it("runs commands: the locales, the rulesets, the generated Prisma client and the migrations are found from dist/", async () => {
    expect((await dti(["--lang", "en", "rulesets", "validate"])).stdout).toMatch(/^Checked \d+ file\(s\), \d+ ruleset\(s\): no problems found\./);
    const { stdout } = await dti(["queue", "status", "--json"]);
    expect(JSON.parse(stdout)).toHaveProperty("byStatus");
  });
});
