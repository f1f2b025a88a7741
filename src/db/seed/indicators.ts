import type { Breakdown } from "../../domain/breakdowns.ts";

/**
 * The indicator catalog: the 28 rows of the indicator appendix of Kế hoạch 5272/KH-UBND (09/9/2025) —
 * row 17 was lost when that copy was scanned and is kept as a placeholder to be completed — and the
 * measurable targets of 47-KH/ĐU and the Bình Lư plan. Names and definitions only: the figures come
 * from importing the plans (import/grammar/indicatorTable.ts matches each row to its indicator here). A rate keeps its numerator and denominator as
 * data elements so it adds up correctly; "units meeting a condition" counts units whose element is 1.
 */
export interface IndicatorSeed {
  code: string;
  name: string;
  unit: string;
  type: "rate" | "count" | "units_meeting" | "yes_no";
  /** Where the figures are entered; "none" keeps a placeholder out of every form. */
  level: "commune" | "school" | "none";
  multiplier?: number;
  gross?: boolean;
  numerator?: string;
  denominator?: string;
  element?: string;
  definition?: string;
}

const rate = (
  code: string,
  name: string,
  num: string,
  den: string,
  extra: Partial<IndicatorSeed> = {},
): IndicatorSeed => ({
  code,
  name,
  unit: "%",
  type: "rate",
  level: "commune",
  numerator: num,
  denominator: den,
  ...extra,
});

const meeting = (code: string, name: string, element: string): IndicatorSeed => ({
  code,
  name,
  unit: "Xã, phường",
  type: "units_meeting",
  level: "commune",
  element,
});

export const indicatorSeeds: IndicatorSeed[] = [
  rate(
    "KH5272-01",
    "Tỷ lệ huy động trẻ nhà trẻ",
    "Số trẻ nhà trẻ đến trường",
    "Số trẻ trong độ tuổi nhà trẻ",
  ),
  rate(
    "KH5272-02",
    "Tỷ lệ huy động trẻ mẫu giáo",
    "Số trẻ mẫu giáo đến trường",
    "Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)",
    { gross: true },
  ),
  rate("KH5272-03", "Tỷ lệ huy động trẻ em 6 tuổi vào lớp 1", "Số trẻ 6 tuổi vào lớp 1", "Số trẻ 6 tuổi"),
  rate(
    "KH5272-04",
    "Tỷ lệ hoàn thành chương trình tiểu học",
    "Số học sinh hoàn thành chương trình tiểu học",
    "Số học sinh lớp 5",
  ),
  meeting(
    "KH5272-05",
    "Số xã, phường đạt chuẩn phổ cập giáo dục tiểu học mức độ 3",
    "Đạt chuẩn PCGD tiểu học mức độ 3 (1 = đạt)",
  ),
  meeting(
    "KH5272-06",
    "Số xã, phường đạt chuẩn phổ cập giáo dục THCS mức độ 1",
    "Đạt chuẩn PCGD THCS mức độ 1 (1 = đạt)",
  ),
  meeting(
    "KH5272-07",
    "Số xã, phường đạt chuẩn phổ cập giáo dục THCS mức độ 2",
    "Đạt chuẩn PCGD THCS mức độ 2 (1 = đạt)",
  ),
  meeting(
    "KH5272-08",
    "Số xã, phường đạt chuẩn phổ cập giáo dục THCS mức độ 3",
    "Đạt chuẩn PCGD THCS mức độ 3 (1 = đạt)",
  ),
  rate(
    "KH5272-09",
    "Tỷ lệ người biết chữ mức độ 1 trong độ tuổi theo quy định",
    "Số người biết chữ mức độ 1",
    "Số người trong độ tuổi (xóa mù chữ)",
  ),
  rate(
    "KH5272-10",
    "Tỷ lệ người biết chữ mức độ 2 trong độ tuổi theo quy định",
    "Số người biết chữ mức độ 2",
    "Số người trong độ tuổi (xóa mù chữ)",
  ),
  meeting(
    "KH5272-11",
    "Số xã, phường đạt chuẩn xóa mù chữ mức độ 1",
    "Đạt chuẩn xóa mù chữ mức độ 1 (1 = đạt)",
  ),
  meeting(
    "KH5272-12",
    "Số xã, phường đạt chuẩn xóa mù chữ mức độ 2",
    "Đạt chuẩn xóa mù chữ mức độ 2 (1 = đạt)",
  ),
  rate(
    "KH5272-13",
    "Tỷ lệ giáo viên mầm non đạt chuẩn trình độ đào tạo",
    "Số giáo viên mầm non đạt chuẩn",
    "Số giáo viên mầm non",
  ),
  rate(
    "KH5272-14",
    "Tỷ lệ giáo viên tiểu học đạt chuẩn trình độ đào tạo",
    "Số giáo viên tiểu học đạt chuẩn",
    "Số giáo viên tiểu học",
  ),
  rate(
    "KH5272-15",
    "Tỷ lệ giáo viên THCS đạt chuẩn trình độ đào tạo",
    "Số giáo viên THCS đạt chuẩn",
    "Số giáo viên THCS",
  ),
  rate(
    "KH5272-16",
    "Tỷ lệ giáo viên THPT đạt chuẩn trình độ đào tạo",
    "Số giáo viên THPT đạt chuẩn",
    "Số giáo viên THPT",
  ),
  {
    code: "KH5272-17",
    name: "Chỉ tiêu số 17 (mất khi quét bản 5272/KH-UBND — cần bổ sung từ bản gốc)",
    unit: "",
    type: "count",
    level: "none",
    element: "Chỉ tiêu số 17 (chưa xác định)",
  },
  rate("KH5272-18", "Số sinh viên đại học trên một vạn dân", "Số sinh viên đại học", "Dân số", {
    unit: "SV/vạn dân",
    multiplier: 10_000,
  }),
  rate(
    "KH5272-19",
    "Tỷ lệ trường mầm non đạt chuẩn quốc gia mức độ 1",
    "Số trường mầm non đạt chuẩn quốc gia mức độ 1",
    "Số trường mầm non",
  ),
  rate(
    "KH5272-20",
    "Tỷ lệ trường mầm non đạt chuẩn quốc gia mức độ 2",
    "Số trường mầm non đạt chuẩn quốc gia mức độ 2",
    "Số trường mầm non",
    {
      definition: "Chỉ tiêu 2025–2026 thấp hơn do sáp nhập trường (theo ghi chú của văn bản).",
    },
  ),
  rate(
    "KH5272-21",
    "Tỷ lệ trường tiểu học đạt chuẩn quốc gia mức độ 1",
    "Số trường tiểu học đạt chuẩn quốc gia mức độ 1",
    "Số trường tiểu học",
  ),
  rate(
    "KH5272-22",
    "Tỷ lệ trường tiểu học đạt chuẩn quốc gia mức độ 2",
    "Số trường tiểu học đạt chuẩn quốc gia mức độ 2",
    "Số trường tiểu học",
  ),
  rate(
    "KH5272-23",
    "Tỷ lệ trường trung học đạt chuẩn quốc gia mức độ 1",
    "Số trường trung học đạt chuẩn quốc gia mức độ 1",
    "Số trường trung học",
  ),
  rate(
    "KH5272-24",
    "Tỷ lệ trường trung học đạt chuẩn quốc gia mức độ 2",
    "Số trường trung học đạt chuẩn quốc gia mức độ 2",
    "Số trường trung học",
  ),
  rate(
    "KH5272-25",
    "Tỷ lệ thiết bị dạy học tối thiểu cấp mầm non",
    "Số bộ thiết bị tối thiểu hiện có (mầm non)",
    "Số bộ thiết bị tối thiểu theo quy định (mầm non)",
  ),
  rate(
    "KH5272-26",
    "Tỷ lệ thiết bị dạy học tối thiểu cấp tiểu học",
    "Số bộ thiết bị tối thiểu hiện có (tiểu học)",
    "Số bộ thiết bị tối thiểu theo quy định (tiểu học)",
  ),
  rate(
    "KH5272-27",
    "Tỷ lệ thiết bị dạy học tối thiểu cấp THCS",
    "Số bộ thiết bị tối thiểu hiện có (THCS)",
    "Số bộ thiết bị tối thiểu theo quy định (THCS)",
  ),
  rate(
    "KH5272-28",
    "Tỷ lệ thiết bị dạy học tối thiểu cấp THPT",
    "Số bộ thiết bị tối thiểu hiện có (THPT)",
    "Số bộ thiết bị tối thiểu theo quy định (THPT)",
  ),
  // measurable targets of 47-KH/ĐU and the Bình Lư plan not already above
  rate(
    "NQ06-TH",
    "Tỷ lệ huy động học sinh tiểu học trong độ tuổi đến trường",
    "Số học sinh tiểu học trong độ tuổi đi học",
    "Số trẻ trong độ tuổi tiểu học",
  ),
  rate(
    "NQ06-THCS",
    "Tỷ lệ huy động học sinh THCS trong độ tuổi đến trường",
    "Số học sinh THCS trong độ tuổi đi học",
    "Số trẻ trong độ tuổi THCS",
  ),
  rate(
    "NQ06-THPT",
    "Tỷ lệ huy động học sinh THPT trong độ tuổi đến trường",
    "Số học sinh THPT trong độ tuổi đi học",
    "Số người trong độ tuổi THPT",
  ),
  rate(
    "NQ06-TN",
    "Tỷ lệ tốt nghiệp trung học phổ thông",
    "Số học sinh tốt nghiệp THPT",
    "Số học sinh dự thi tốt nghiệp THPT",
  ),
  rate("NQ06-KCH", "Tỷ lệ phòng học được kiên cố hóa", "Số phòng học kiên cố", "Tổng số phòng học"),
  rate(
    "BL-THHP",
    "Tỷ lệ trường học đạt Trường học hạnh phúc",
    "Số trường đạt Trường học hạnh phúc",
    "Số trường học trực thuộc",
  ),
  meeting(
    "NQ06-PCMN35",
    "Số xã, phường đạt chuẩn phổ cập giáo dục mầm non cho trẻ 3–5 tuổi",
    "Đạt chuẩn PCGD mầm non 3–5 tuổi (1 = đạt)",
  ),
];

/**
 * Teachers, schools meeting the national standard and teaching equipment are counted by the schools
 * themselves and add up to communes; enrolment rates have a population denominator held by the commune.
 */
const SCHOOL_LEVEL = ["13", "14", "15", "16", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28"].map(
  (n) => `KH5272-${n}`,
);
for (const seed of indicatorSeeds) if (SCHOOL_LEVEL.includes(seed.code)) seed.level = "school";

/**
 * Breakdowns the catalog asks for: enrolment, completion, literacy and graduation by sex and for ethnic
 * minority people (the plans' equity aims), classrooms and "happy schools" by education level.
 */
export const seedBreakdowns: Record<string, Breakdown[]> = Object.fromEntries([
  ...["KH5272-01", "KH5272-02", "KH5272-03", "KH5272-04", "KH5272-09", "KH5272-10"].map((c) => [
    c,
    ["sex", "ethnic_minority"],
  ]),
  ...["NQ06-TH", "NQ06-THCS", "NQ06-THPT", "NQ06-TN"].map((c) => [c, ["sex", "ethnic_minority"]]),
  ...["NQ06-KCH", "BL-THHP"].map((c) => [c, ["education_level"]]),
]);
