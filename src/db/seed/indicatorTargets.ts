/** Targets the plans set on these indicators (47-KH/ĐU for the province, the Bình Lư plan for Bình Lư). */
export const targetSeeds: {
  indicator: string;
  unit: "province" | "Bình Lư";
  comparator: string;
  value: number;
  year: number;
  plan: string;
  label: string;
}[] = [
  {
    indicator: "KH5272-02",
    unit: "province",
    comparator: ">=",
    value: 99.8,
    year: 2030,
    plan: "47-KH/ĐU",
    label: "Mẫu giáo đạt 99,8 % (NQ 06)",
  },
  {
    indicator: "NQ06-TH",
    unit: "province",
    comparator: ">=",
    value: 99.9,
    year: 2030,
    plan: "47-KH/ĐU",
    label: "Tiểu học đạt 99,9 %",
  },
  {
    indicator: "NQ06-THCS",
    unit: "province",
    comparator: ">=",
    value: 98,
    year: 2030,
    plan: "47-KH/ĐU",
    label: "THCS đạt 98 %",
  },
  {
    indicator: "NQ06-THPT",
    unit: "province",
    comparator: ">=",
    value: 60,
    year: 2030,
    plan: "47-KH/ĐU",
    label: "THPT từ 60 % trở lên",
  },
  {
    indicator: "NQ06-KCH",
    unit: "province",
    comparator: ">=",
    value: 100,
    year: 2030,
    plan: "47-KH/ĐU",
    label: "100 % phòng học kiên cố",
  },
  {
    indicator: "NQ06-THPT",
    unit: "Bình Lư",
    comparator: ">=",
    value: 65,
    year: 2028,
    plan: "Bình Lư",
    label: "THPT từ 65 % trở lên (Bình Lư)",
  },
  {
    indicator: "KH5272-02",
    unit: "Bình Lư",
    comparator: ">=",
    value: 99.8,
    year: 2028,
    plan: "Bình Lư",
    label: "Mẫu giáo đạt 99,8 % (Bình Lư)",
  },
  {
    indicator: "BL-THHP",
    unit: "Bình Lư",
    comparator: ">=",
    value: 50,
    year: 2030,
    plan: "Bình Lư",
    label: "50 % trường học hạnh phúc (Bình Lư)",
  },
];
