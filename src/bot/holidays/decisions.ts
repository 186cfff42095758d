import type { YearDecision } from "./law.js";

/**
 * The yearly arrangements for civil servants (the Tết span, the day next to
 * National Day, swapped days and make-up Saturdays) as the notices set them,
 * each with its source. A year not listed follows the law's defaults (and
 * says so in `dti calendar list`); `dti calendar add` overrides any day.
 * 2027: no notice yet (checked 12/2026).
 */
export const YEAR_DECISIONS: readonly YearDecision[] = [
  {
    year: 2025,
    source: "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH (Bộ LĐTB&XH)",
    tet: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"],
    nationalDay: ["2025-09-01", "2025-09-02"],
    days: [
      { day: "2025-05-02", kind: "swapped_off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)" },
      { day: "2025-04-26", kind: "workday", name: "Làm việc bù cho thứ Sáu 02/05/2025" },
    ],
  },
  {
    year: 2026,
    source: "Thông báo 9441/TB-BNV ngày 16/10/2025 (Thủ tướng đồng ý tại Công văn 9859/VPCP-KGVX)",
    tet: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"],
    nationalDay: ["2026-09-01", "2026-09-02"],
    days: [
      { day: "2026-01-02", kind: "swapped_off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", source: "Công văn 12729/VPCP-KGVX ngày 25/12/2025" },
      { day: "2026-01-10", kind: "workday", name: "Làm việc bù cho thứ Sáu 02/01/2026", source: "Công văn 12729/VPCP-KGVX ngày 25/12/2025" },
      { day: "2026-08-31", kind: "swapped_off", name: "Nghỉ hoán đổi (làm bù thứ Bảy 22/08/2026)" },
      { day: "2026-08-22", kind: "workday", name: "Làm việc bù cho thứ Hai 31/08/2026" },
    ],
  },
];
