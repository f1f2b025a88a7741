/**
 * What became of Thành phố Lai Châu's offices on 1/7/2025.
 *
 * The 2025 reform abolished the district level (Luật Tổ chức chính quyền địa phương 2025; Nghị quyết
 * 1670/NQ-UBTVQH15 for Lai Châu): the city's specialised offices (phòng chuyên môn) ceased, and their
 * work went down to the new wards, not up to the province — Nghị định 150/2025/NĐ-CP gives a ward a
 * Văn phòng HĐND và UBND, a Phòng Kinh tế, Hạ tầng và Đô thị and a Phòng Văn hóa - Xã hội, the last
 * carrying education, culture, information and internal affairs. The city's area became the wards
 * Tân Phong and Đoàn Kết (with parts of neighbouring communes), so each office has two successors,
 * weighted half and half; moving an office's open work asks the coordinator which ward takes it.
 * The province's departments keep their own (provincial) work and are not successors here.
 */
export interface SuccessorSeed {
  /** A body of bodies.ts that ceased (its key). */
  from: string;
  /** New bodies or units it passed its work to. */
  to: { body?: string; commune?: string; weight: number }[];
  note: string;
}

/** Offices of the new wards, created with the reform (same shape as bodies.ts). */
export const wardOffices = [
  { key: "tan-phong-vhxh", ward: "03408", name: "Phòng Văn hóa - Xã hội phường Tân Phong" },
  { key: "tan-phong-kthtdt", ward: "03408", name: "Phòng Kinh tế, Hạ tầng và Đô thị phường Tân Phong" },
  { key: "doan-ket-vhxh", ward: "03388", name: "Phòng Văn hóa - Xã hội phường Đoàn Kết" },
  { key: "doan-ket-kthtdt", ward: "03388", name: "Phòng Kinh tế, Hạ tầng và Đô thị phường Đoàn Kết" },
] as const;

const social = [
  { body: "tan-phong-vhxh", weight: 0.5 },
  { body: "doan-ket-vhxh", weight: 0.5 },
];
const economic = [
  { body: "tan-phong-kthtdt", weight: 0.5 },
  { body: "doan-ket-kthtdt", weight: 0.5 },
];

export const successors: SuccessorSeed[] = [
  { from: "tp-gddt", to: social, note: "Giáo dục và đào tạo chuyển về Phòng Văn hóa - Xã hội của phường" },
  { from: "tp-vhtt", to: social, note: "Văn hóa, thông tin chuyển về Phòng Văn hóa - Xã hội của phường" },
  { from: "tp-nv", to: social, note: "Nội vụ chuyển về Phòng Văn hóa - Xã hội của phường" },
  { from: "tp-tckh", to: economic, note: "Tài chính, kế hoạch chuyển về Phòng Kinh tế, Hạ tầng và Đô thị" },
  {
    from: "tp-tnmt",
    to: economic,
    note: "Tài nguyên, môi trường chuyển về Phòng Kinh tế, Hạ tầng và Đô thị",
  },
  {
    from: "ubnd-tp",
    to: [
      { commune: "03408", weight: 0.5 },
      { commune: "03388", weight: 0.5 },
    ],
    note: "Thành phố giải thể; UBND phường Tân Phong và phường Đoàn Kết kế thừa",
  },
];
