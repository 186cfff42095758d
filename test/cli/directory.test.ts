import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { createInviteCommand } from "../../src/cli/invites.js";
import { importPeopleCommand } from "../../src/cli/people.js";
import { importUnitsCommand, listUnitsCommand } from "../../src/cli/units.js";
import { captured, tempDatabaseUrl } from "../helpers/cli.js";

const url = tempDatabaseUrl();
const file = (name: string, text: string) => {
  const path = join(tmpdir(), `dti-dir-${process.pid}-${name}`);
  writeFileSync(path, text);
  return path;
};
const contexts: { ctx: { close(): Promise<void> } }[] = [];
const cli = (options: Parameters<typeof captured>[0] = {}) => {
  const c = captured({ databaseUrl: url, ...options });
  contexts.push(c);
  return c;
};
afterAll(async () => {
  for (const c of contexts) await c.ctx.close();
});

const UNITS = [
  "Mã đơn vị;Tên đơn vị;Loại;Đơn vị cấp trên;Nhóm xếp hạng;Nhãn;Hoạt động",
  "HC-P01;UBND phường Hải Châu I;phường;Q-HC;phuong-xa;;có",
  "Q-HC;UBND quận Hải Châu;Quận;;quan-huyen;;không",
  "S19;Sở Y tế;Sở, ngành;;so;;",
  "K01;Thanh tra thành phố;sở/ngành;;so-khong;khong_co_tthc;",
].join("\n");

describe("dti units import", () => {
  it("reports every bad row with its column and imports nothing", async () => {
    const bad = file("units-bad.csv", [
      "Mã đơn vị,Tên đơn vị,Loại,Đơn vị cấp trên",
      "A1,Đơn vị A,phường,KHONG_CO",
      "A1,Đơn vị A trùng,phường,",
      "A 2,,làng,",
      "A3,Đơn vị C,xã,A3",
    ].join("\n"));
    const { ctx, err } = cli();
    expect(await importUnitsCommand(ctx, bad, { province: "da-nang", provinceName: "Đà Nẵng" })).toBe(1);
    expect(err[0]).toBe("Danh mục đơn vị có 6 lỗi; chưa nhập dữ liệu nào:");
    expect(err.slice(1)).toEqual([
      "Dòng 2, cột parent: không có đơn vị cấp trên mã “KHONG_CO” trong tệp hoặc trong danh mục",
      "Dòng 3, cột code: mã A1 bị trùng với dòng 2",
      "Dòng 4, cột code: mã đơn vị “A 2” không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch ngang)",
      "Dòng 4, cột name: thiếu tên đơn vị",
      "Dòng 4, cột kind: loại đơn vị “làng” không rõ (sở/ngành, cơ quan Trung ương, quận/huyện, phường/xã)",
      "Dòng 5, cột parent: đơn vị không thể là cấp trên của chính nó",
    ]);
    // Nothing changed: not even the province named on the command line was created.
    expect(await (await cli().ctx.store()).provinces.byCode("da-nang")).toBeNull();
  });

  it("names the missing columns", async () => {
    const { ctx, err } = cli();
    expect(await importUnitsCommand(ctx, file("units-cols.csv", "Tên,Ghi chú\nA,B\n"), { province: "da-nang", provinceName: "Đà Nẵng" })).toBe(1);
    expect(err).toEqual([
      "Tệp thiếu 2 cột bắt buộc; chưa nhập dữ liệu:",
      "Dòng 1, cột code: thiếu cột “code”",
      "Dòng 1, cột kind: thiếu cột “kind”",
    ]);
  });

  it("imports a Vietnamese unit list with parents listed later, kinds in words and ';' separators", async () => {
    const { ctx, out } = cli();
    expect(await importUnitsCommand(ctx, file("units.csv", UNITS), { province: "da-nang", provinceName: "Đà Nẵng" })).toBe(0);
    expect(out).toEqual(["Đã cập nhật danh mục đơn vị của Đà Nẵng: thêm mới 4, cập nhật 0."]);
    const list = cli();
    await listUnitsCommand(list.ctx, { json: true });
    expect(JSON.parse(list.out.join("\n"))).toEqual(expect.arrayContaining([
      { code: "HC-P01", name: "UBND phường Hải Châu I", kind: "commune", parent: "Q-HC", group: "phuong-xa", tags: [], active: true },
      { code: "Q-HC", name: "UBND quận Hải Châu", kind: "district", parent: null, group: "quan-huyen", tags: [], active: false },
      { code: "K01", name: "Thanh tra thành phố", kind: "department", parent: null, group: "so-khong", tags: ["khong_co_tthc"], active: true },
    ]));
  });

  it("keeps what a file leaves out: a list with only code, name and kind changes no group, tag, parent or state", async () => {
    const { ctx } = cli();
    expect(await importUnitsCommand(ctx, file("units-min.csv", "Mã đơn vị,Tên đơn vị,Loại\nHC-P01,UBND phường Hải Châu 1,phường\nQ-HC,UBND quận Hải Châu,quận\n"), {})).toBe(0);
    const list = cli();
    await listUnitsCommand(list.ctx, { json: true });
    const units = JSON.parse(list.out.join("\n")) as { code: string }[];
    expect(units.find((u) => u.code === "HC-P01")).toEqual({ code: "HC-P01", name: "UBND phường Hải Châu 1", kind: "commune", parent: "Q-HC", group: "phuong-xa", tags: [], active: true });
    expect(units.find((u) => u.code === "Q-HC")).toMatchObject({ active: false, group: "quan-huyen" });
  });

  it("reads the same list from an .xlsx file and updates by code", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Đơn vị");
    UNITS.split("\n").forEach((line) => sheet.addRow(line.split(";")));
    sheet.getRow(4).getCell(2).value = "Sở Y tế thành phố Đà Nẵng";
    const path = join(tmpdir(), `dti-dir-${process.pid}-units.xlsx`);
    await workbook.xlsx.writeFile(path);
    const { ctx, out } = cli();
    expect(await importUnitsCommand(ctx, path, { province: "da-nang" })).toBe(0);
    expect(out).toEqual(["Đã cập nhật danh mục đơn vị của Đà Nẵng: thêm mới 0, cập nhật 4."]);
  });
});

describe("dti people import", () => {
  it("reports unknown units, roles and contacts, and imports nothing", async () => {
    const { ctx, err } = cli();
    const bad = file("people-bad.csv", [
      "Họ và tên,Số điện thoại,Email,Mã đơn vị,Vai trò",
      "Nguyễn Văn A,0905 123 456,a@example.vn,S99,cán bộ nhập liệu",
      "Trần Thị B,12,b@,S19,giám đốc",
      ",0905000000,,S19,lãnh đạo",
    ].join("\n"));
    expect(await importPeopleCommand(ctx, bad, {})).toBe(1);
    expect(err).toEqual([
      "Danh sách cán bộ có 5 lỗi; chưa nhập dữ liệu nào:",
      "Dòng 2, cột unit: không có đơn vị mã “S99” trong danh mục",
      "Dòng 3, cột role: vai trò “giám đốc” không rõ (cán bộ nhập liệu, lãnh đạo, thẩm định, quản trị)",
      "Dòng 3, cột phone: số điện thoại “12” không hợp lệ",
      "Dòng 3, cột email: địa chỉ thư “b@” không hợp lệ",
      "Dòng 4, cột name: thiếu họ tên",
    ]);
  });

  it("imports people with several roles, admins without a unit", async () => {
    const { ctx, out } = cli();
    const good = file("people.csv", [
      "Họ và tên,Số điện thoại,Mã đơn vị,Vai trò",
      "Nguyễn Văn A,0905 123 456,S19,cán bộ nhập liệu",
      "Nguyễn Văn A,0905 123 456,K01,nhập liệu",
      "Lê Thị C,0905111222,S19,Lãnh đạo",
      "Phạm D,0905333444,,quản trị",
    ].join("\n"));
    expect(await importPeopleCommand(ctx, good, {})).toBe(0);
    expect(out).toEqual(["Đã nhập 3 cán bộ với 4 vai trò cho Đà Nẵng."]);
  });
});

describe("dti invite create", () => {
  it("prints a code and a Telegram deep link", async () => {
    const { ctx, out } = cli({ botUsername: "dti_danang_bot", now: new Date("2026-11-20T02:00:00Z") });
    expect(await createInviteCommand(ctx, { unit: "S19", role: "officer", uses: "3", days: "10" })).toBe(0);
    const code = /Mã mời ([0-9A-Z]{10}):/.exec(out[0]!)![1]!;
    expect(out).toEqual([
      `Mã mời ${code}: cán bộ nhập liệu, Sở Y tế thành phố Đà Nẵng; dùng được 3 lần, hiệu lực đến hết ngày 30/11/2026.`,
      `Đường dẫn Telegram: https://t.me/dti_danang_bot?start=${code}`,
    ]);
  });

  it("refuses an officer invite without a unit, and an unknown role", async () => {
    const a = cli();
    expect(await createInviteCommand(a.ctx, { role: "officer" })).toBe(1);
    expect(a.err).toEqual(["Mã mời cho vai trò này cần --unit (mã đơn vị)."]);
    const b = cli();
    expect(await createInviteCommand(b.ctx, { role: "boss", unit: "S19" })).toBe(1);
    expect(b.err[0]).toBe("Vai trò “boss” không hợp lệ; chọn một trong: officer, leader, reviewer, admin.");
  });
});
