import type { DemoProvince } from "./province.js";
import { pad } from "./province.js";

/**
 * The demo province as local government stands since 1/7/2025: two tiers (no
 * districts), the evaluation run by Sở Khoa học và Công nghệ. A slice of TP.
 * Hồ Chí Minh's wards, communes and its special zone, scored with the city's
 * own set (tp-hcm-2026-xa); departments and central agencies as named after
 * the mergers, scored with the illustrative department set (labelled as such,
 * since the city's department set is not encoded here). Codes are made up.
 */
const DEPARTMENTS = [
  "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng",
  "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ",
  "Văn phòng Ủy ban nhân dân Thành phố",
];
const CENTRAL = [
  "Công an Thành phố Hồ Chí Minh", "Thuế Thành phố Hồ Chí Minh", "Bảo hiểm xã hội Thành phố Hồ Chí Minh", "Thống kê Thành phố Hồ Chí Minh",
];
const LOCAL: readonly [string, string][] = [
  ["P-SG", "Phường Sài Gòn"], ["P-TD", "Phường Tân Định"], ["P-BT", "Phường Bến Thành"], ["P-COL", "Phường Cầu Ông Lãnh"],
  ["P-BC", "Phường Bàn Cờ"], ["P-XH", "Phường Xuân Hòa"], ["P-TDM", "Phường Thủ Dầu Một"], ["P-VT", "Phường Vũng Tàu"],
  ["P-BR", "Phường Bà Rịa"], ["X-BCH", "Xã Bình Chánh"], ["X-CC", "Xã Củ Chi"], ["X-CG", "Xã Cần Giờ"], ["X-PH", "Xã Phước Hải"],
  ["DK-CD", "Đặc khu Côn Đảo"],
];

const GROUPS = {
  departments: { groupCode: "so-nganh", groupName: "Sở, ban, ngành thuộc UBND Thành phố (bộ chỉ số minh hoạ)", rulesetId: "minh-hoa-so-nganh" },
  central: { groupCode: "co-quan-tw", groupName: "Cơ quan Trung ương trên địa bàn Thành phố (bộ chỉ số minh hoạ)", rulesetId: "minh-hoa-so-nganh" },
  local: { groupCode: "xa-phuong-dac-khu", groupName: "Xã, phường, đặc khu", rulesetId: "tp-hcm-2026-xa" },
} as const;

export const HO_CHI_MINH: DemoProvince = {
  code: "ho-chi-minh",
  name: "TP. Hồ Chí Minh",
  organiser: "Sở Khoa học và Công nghệ",
  groups: Object.values(GROUPS),
  units: () => [
    ...DEPARTMENTS.map((name, i) => ({ code: `S${pad(i + 1)}`, name, kind: "department" as const, groupCode: GROUPS.departments.groupCode })),
    ...CENTRAL.map((name, i) => ({ code: `T${pad(i + 1)}`, name, kind: "central_agency" as const, groupCode: GROUPS.central.groupCode })),
    ...LOCAL.map(([code, name]) => ({ code, name: `UBND ${name.charAt(0).toLowerCase()}${name.slice(1)}`, kind: "commune" as const, groupCode: GROUPS.local.groupCode })),
  ],
  reviewerUnit: "S01",
  invites: [
    ["Quản trị Sở KH&CN", "admin", null],
    ["Cán bộ nhập liệu Sở Y tế", "officer", "S05"],
    ["Lãnh đạo Sở Y tế", "leader", "S05"],
    ["Cán bộ nhập liệu Sở Tư pháp", "officer", "S04"],
    ["Cán bộ nhập liệu UBND phường Sài Gòn", "officer", "P-SG"],
    ["Lãnh đạo UBND phường Sài Gòn", "leader", "P-SG"],
    ["Cán bộ nhập liệu UBND đặc khu Côn Đảo", "officer", "DK-CD"],
    ["Cán bộ thẩm định Sở KH&CN", "reviewer", "S01"],
  ],
  logins: [["officer", "S05"], ["leader", "S05"], ["officer", "P-SG"], ["leader", "P-SG"], ["officer", "DK-CD"], ["reviewer", "S01"], ["admin", null]],
  correctedItems: ["28", "6.2"],
  // The year N evaluation runs from the second half of N into the first months of N+1.
  evaluationYear: (year, month) => (month >= 7 ? year : year - 1),
};
