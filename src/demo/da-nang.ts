import type { UnitInputRow } from "../bot/ports/store.js";

/**
 * The Đà Nẵng unit list of decision 2901/QĐ-UBND, Phụ lục I (seed 004): 20
 * departments with administrative procedures, 4 units without, 6 central
 * agencies. The 7 districts and the wards of two of them are added as the
 * three-tier structure stood before 1/7/2025; the districts are marked
 * inactive, as the district level ended then. Codes are made up for the demo.
 */
const DEPARTMENTS = [
  "Ban Quản lý Khu công nghệ cao và các Khu công nghiệp Đà Nẵng", "Ban Quản lý An toàn thực phẩm", "Sở Công Thương", "Sở Du lịch",
  "Sở Giáo dục và Đào tạo", "Sở Giao thông Vận tải", "Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ",
  "Sở Lao động - Thương binh và Xã hội", "Sở Ngoại vụ", "Sở Nội vụ", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài chính",
  "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Tư pháp", "Sở Văn hóa và Thể thao", "Sở Xây dựng", "Sở Y tế",
  "Văn phòng UBND thành phố Đà Nẵng",
];
const WITHOUT_PROCEDURES = [
  "Thanh tra thành phố", "Ban Xúc tiến và Hỗ trợ đầu tư", "Đài Phát thanh - Truyền hình Đà Nẵng", "Viện Nghiên cứu phát triển kinh tế - xã hội thành phố",
];
const CENTRAL = [
  "Bảo hiểm xã hội thành phố Đà Nẵng", "Công an thành phố Đà Nẵng", "Cục Hải quan Đà Nẵng", "Cục Thống kê Đà Nẵng", "Cục Thuế Đà Nẵng",
  "Kho bạc Nhà nước Đà Nẵng",
];
const DISTRICTS: readonly [string, string][] = [
  ["Q-HC", "UBND quận Hải Châu"], ["Q-TK", "UBND quận Thanh Khê"], ["Q-ST", "UBND quận Sơn Trà"], ["Q-NHS", "UBND quận Ngũ Hành Sơn"],
  ["Q-LC", "UBND quận Liên Chiểu"], ["Q-CL", "UBND quận Cẩm Lệ"], ["H-HV", "UBND huyện Hòa Vang"],
];
const WARDS: Record<string, readonly string[]> = {
  "Q-HC": ["Hải Châu I", "Hải Châu II", "Thạch Thang", "Thanh Bình", "Thuận Phước", "Phước Ninh", "Nam Dương", "Bình Hiên", "Bình Thuận",
    "Hòa Thuận Đông", "Hòa Thuận Tây", "Hòa Cường Bắc", "Hòa Cường Nam"],
  "Q-TK": ["Tam Thuận", "Thanh Khê Tây", "Thanh Khê Đông", "Xuân Hà", "Tân Chính", "Chính Gián", "Vĩnh Trung", "Thạc Gián", "An Khê", "Hòa Khê"],
};

export const GROUPS = {
  departments: { groupCode: "so-co-tthc", groupName: "Sở, ban, ngành có bộ thủ tục hành chính", rulesetId: "minh-hoa-so-nganh" },
  withoutProcedures: { groupCode: "so-khong-tthc", groupName: "Đơn vị trực thuộc UBND thành phố không có bộ thủ tục hành chính", rulesetId: "minh-hoa-so-nganh" },
  central: { groupCode: "co-quan-tw", groupName: "Cơ quan Trung ương trên địa bàn thành phố", rulesetId: "minh-hoa-so-nganh" },
  wards: { groupCode: "phuong-xa", groupName: "UBND phường, xã", rulesetId: "tay-ninh-2025-xa" },
} as const;

const pad = (n: number) => String(n).padStart(2, "0");

export function daNangUnits(): UnitInputRow[] {
  return [
    ...DEPARTMENTS.map((name, i) => ({ code: `S${pad(i + 1)}`, name, kind: "department" as const, groupCode: GROUPS.departments.groupCode })),
    ...WITHOUT_PROCEDURES.map((name, i) => ({
      code: `K${pad(i + 1)}`, name, kind: "department" as const, groupCode: GROUPS.withoutProcedures.groupCode, tags: ["khong_co_tthc"],
    })),
    ...CENTRAL.map((name, i) => ({ code: `T${pad(i + 1)}`, name, kind: "central_agency" as const, groupCode: GROUPS.central.groupCode })),
    ...DISTRICTS.map(([code, name]) => ({ code, name, kind: "district" as const, groupCode: "quan-huyen", active: false })),
    ...Object.entries(WARDS).flatMap(([district, wards]) => wards.map((ward, i) => ({
      code: `${district.slice(2)}-P${pad(i + 1)}`, name: `UBND phường ${ward}`, kind: "commune" as const, parentCode: district,
      groupCode: GROUPS.wards.groupCode,
    }))),
  ];
}

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Quốc"];
const GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trung", "Vy"];

/** A plausible, made-up Vietnamese name (demo data). */
export function demoName(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
}
