/**
 * Bodies (cơ quan, đơn vị) that lead or coordinate tasks in the plans, with the abbreviations and
 * spellings the documents use. Parents: the province, a commune in force since 1/7/2025 (by code),
 * an old district (by code, ended 1/7/2025) or another body (by key).
 */
export type BodyParent =
  | { province: true }
  | { commune: string }
  | { oldDistrict: string }
  | { body: string };

export interface BodySeed {
  key: string;
  name: string;
  aliases: string[];
  parent: BodyParent;
  validFrom?: string;
  validTo?: string;
}

const REFORM = "2025-07-01";
const BINH_LU = "03390";
const CITY = "105";

export const bodies: BodySeed[] = [
  {
    key: "tinh-uy",
    name: "Tỉnh ủy Lai Châu",
    aliases: ["Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Ban Thường vụ Tỉnh ủy", "BTV Tỉnh ủy", "TU"],
    parent: { province: true },
  },
  {
    key: "ban-tgdv-tu",
    name: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    aliases: ["BTGDVTU", "Ban Tuyên giáo và Dân vận tỉnh"],
    parent: { body: "tinh-uy" },
  },
  {
    key: "ubkt-tu",
    name: "Ủy ban Kiểm tra Tỉnh ủy",
    aliases: ["UBKT Tỉnh ủy"],
    parent: { body: "tinh-uy" },
  },
  {
    key: "dang-uy-ubnd",
    name: "Đảng ủy UBND tỉnh",
    aliases: [
      "Đảng ủy Ủy ban nhân dân tỉnh",
      "Ban Thường vụ Đảng ủy UBND tỉnh",
      "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh",
      "ĐU",
    ],
    parent: { body: "tinh-uy" },
  },
  {
    key: "ban-tgdv-du",
    name: "Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh",
    aliases: ["Ban Tuyên giáo và Dân vận Đảng ủy", "BTGDV", "BTGDV Đảng ủy"],
    parent: { body: "dang-uy-ubnd" },
  },
  {
    key: "ubkt-du",
    name: "Ủy ban Kiểm tra Đảng ủy UBND tỉnh",
    aliases: ["Ủy ban Kiểm tra Đảng ủy", "UBKT Đảng ủy"],
    parent: { body: "dang-uy-ubnd" },
  },
  {
    key: "vp-du",
    name: "Văn phòng Đảng ủy UBND tỉnh",
    aliases: ["Văn phòng Đảng ủy", "VPĐU"],
    parent: { body: "dang-uy-ubnd" },
  },
  {
    key: "hdnd-tinh",
    name: "Hội đồng nhân dân tỉnh",
    aliases: ["HĐND tỉnh", "Hội đồng nhân dân tỉnh Lai Châu"],
    parent: { province: true },
  },
  {
    key: "ubnd-tinh",
    name: "Ủy ban nhân dân tỉnh",
    aliases: ["UBND tỉnh", "UBND tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"],
    parent: { province: true },
  },
  {
    key: "vp-ubnd",
    name: "Văn phòng UBND tỉnh",
    aliases: ["Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"],
    parent: { body: "ubnd-tinh" },
  },
  {
    key: "so-gddt",
    name: "Sở Giáo dục và Đào tạo",
    aliases: ["Sở GD&ĐT", "Sở GDĐT", "SGDĐT", "Sở Giáo dục và Đào tạo tỉnh Lai Châu", "Sở Giáo dục"],
    parent: { body: "ubnd-tinh" },
  },
  { key: "so-tc", name: "Sở Tài chính", aliases: ["STC"], parent: { body: "ubnd-tinh" } },
  { key: "so-nv", name: "Sở Nội vụ", aliases: ["SNV"], parent: { body: "ubnd-tinh" } },
  { key: "so-yt", name: "Sở Y tế", aliases: ["SYT"], parent: { body: "ubnd-tinh" } },
  {
    key: "so-vhttdl",
    name: "Sở Văn hóa, Thể thao và Du lịch",
    aliases: ["Sở VHTTDL", "Sở VH,TT&DL"],
    parent: { body: "ubnd-tinh" },
  },
  {
    key: "so-khcn",
    name: "Sở Khoa học và Công nghệ",
    aliases: ["Sở KH&CN", "Sở KHCN"],
    parent: { body: "ubnd-tinh" },
  },
  {
    key: "so-dttg",
    name: "Sở Dân tộc và Tôn giáo",
    aliases: ["Sở DT&TG"],
    parent: { body: "ubnd-tinh" },
  },
  {
    key: "so-nnmt",
    name: "Sở Nông nghiệp và Môi trường",
    aliases: ["Sở NN&MT"],
    parent: { body: "ubnd-tinh" },
  },
  { key: "so-xd", name: "Sở Xây dựng", aliases: ["SXD"], parent: { body: "ubnd-tinh" } },
  { key: "cong-an-tinh", name: "Công an tỉnh", aliases: ["CA tỉnh"], parent: { body: "ubnd-tinh" } },

  // Xã Bình Lư (from 1/7/2025)
  {
    key: "du-binh-lu",
    name: "Đảng ủy xã Bình Lư",
    aliases: ["Đảng ủy xã", "ĐU xã Bình Lư"],
    parent: { commune: BINH_LU },
    validFrom: REFORM,
  },
  {
    key: "binh-lu-vhxh",
    name: "Phòng Văn hóa - Xã hội xã Bình Lư",
    aliases: ["Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội xã", "Phòng VH-XH", "Phòng Văn hoá - Xã hội"],
    parent: { commune: BINH_LU },
    validFrom: REFORM,
  },
  {
    key: "binh-lu-kt",
    name: "Phòng Kinh tế xã Bình Lư",
    aliases: ["Phòng Kinh tế", "Phòng Kinh tế xã"],
    parent: { commune: BINH_LU },
    validFrom: REFORM,
  },
  {
    key: "binh-lu-ca",
    name: "Công an xã Bình Lư",
    aliases: ["Công an xã"],
    parent: { commune: BINH_LU },
    validFrom: REFORM,
  },
  {
    key: "binh-lu-dvth",
    name: "Trung tâm Dịch vụ tổng hợp xã Bình Lư",
    aliases: ["Trung tâm Dịch vụ tổng hợp", "TTDVTH"],
    parent: { commune: BINH_LU },
    validFrom: REFORM,
  },

  // Thành phố Lai Châu (until 1/7/2025), named in the city's plan
  {
    key: "ubnd-tp",
    name: "UBND thành phố Lai Châu",
    aliases: ["Ủy ban nhân dân thành phố Lai Châu", "UBND thành phố"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
  {
    key: "tp-gddt",
    name: "Phòng Giáo dục và Đào tạo thành phố Lai Châu",
    aliases: ["Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT", "Phòng GDĐT"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
  {
    key: "tp-tckh",
    name: "Phòng Tài chính - Kế hoạch thành phố Lai Châu",
    aliases: ["Phòng Tài chính - Kế hoạch", "Phòng Kế hoạch - Tài chính", "Phòng TC-KH"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
  {
    key: "tp-nv",
    name: "Phòng Nội vụ thành phố Lai Châu",
    aliases: ["Phòng Nội vụ", "Phòng Nội vụ thành phố"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
  {
    key: "tp-vhtt",
    name: "Phòng Văn hóa và Thông tin thành phố Lai Châu",
    aliases: ["Phòng Văn hóa và Thông tin", "Phòng Văn hóa và Thông tin thành phố"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
  {
    key: "tp-tnmt",
    name: "Phòng Tài nguyên và Môi trường thành phố Lai Châu",
    aliases: ["Phòng Tài nguyên và Môi trường", "Phòng TN&MT"],
    parent: { oldDistrict: CITY },
    validTo: REFORM,
  },
];
