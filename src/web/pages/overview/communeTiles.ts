/**
 * The 38 communes and wards of Lai Châu (codes of QĐ 19/2025/QĐ-TTg) as tiles [column, row], laid out
 * roughly as they lie — west (Mường Tè) to east (Tam Đường, the wards), north (the border) to south
 * (Than Uyên) — by the old districts they were formed from. Approximate: no boundary data is at hand.
 */
export const COMMUNE_TILES: Record<string, [number, number]> = {
  "03451": [0, 0], // Mù Cả
  "03439": [1, 0], // Thu Lũm
  "03442": [2, 0], // Pa Ủ
  "03463": [0, 1], // Tà Tổng
  "03445": [1, 1], // Mường Tè
  "03466": [0, 2], // Bum Nưa
  "03433": [1, 2], // Bum Tở
  "03460": [2, 2], // Hua Bum
  "03472": [1, 3], // Mường Mô
  "03434": [2, 4], // Nậm Hàng
  "03503": [3, 3], // Pa Tần
  "03487": [3, 4], // Lê Lợi
  "03529": [3, 1], // Tủa Sín Chải
  "03508": [3, 2], // Hồng Thu
  "03478": [4, 2], // Sìn Hồ
  "03538": [4, 3], // Nậm Mạ
  "03517": [4, 4], // Nậm Tăm
  "03532": [5, 3], // Pu Sam Cáp
  "03544": [5, 4], // Nậm Cuổi
  "03562": [5, 0], // Sì Lở Lầu
  "03571": [6, 0], // Dào San
  "03394": [5, 1], // Sin Suối Hồ
  "03549": [6, 1], // Phong Thổ
  "03583": [7, 1], // Khổng Lào
  "03430": [5, 2], // Khun Há
  "03405": [6, 2], // Tả Lèng
  "03408": [7, 2], // Tân Phong
  "03388": [8, 2], // Đoàn Kết
  "03390": [7, 3], // Bình Lư
  "03424": [8, 3], // Bản Bo
  "03613": [6, 4], // Nậm Sỏ
  "03598": [7, 4], // Tân Uyên
  "03616": [6, 5], // Pắc Ta
  "03601": [7, 5], // Mường Khoa
  "03637": [8, 5], // Mường Kim
  "03640": [7, 6], // Khoen On
  "03595": [8, 6], // Than Uyên
  "03618": [9, 6], // Mường Than
};
