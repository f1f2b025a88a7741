/**
 * A commune's five-year plan for tests: one yearly task (due 31/12 each year, 2026–2030) and one
 * continuous, so on any day of 2026 the years 2028–2030 are "later" in "Việc của tôi".
 */
export const COMMUNE_FIVE_YEAR_PLAN = [
  "KẾ HOẠCH",
  "Thực hiện mục tiêu giáo dục giai đoạn 2026 - 2030",
  "Số: 12/KH-UBND",
  "Bình Lư, ngày 01 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tRà soát trẻ trong độ tuổi đến trường\tPhòng Văn hóa - Xã hội\t\tHằng năm",
  "2\tTuyên truyền về phổ cập giáo dục\tPhòng Văn hóa - Xã hội\t\tThường xuyên",
].join("\n");
