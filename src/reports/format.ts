/**
 * How numbers, dates and register numbers are written in an official report (Nghị định 30/2020,
 * DOMAIN.md §8–9). Pure: used by the DOCX, XLSX and HTML renderings alike.
 */
const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** 1234.5 → "1.234,5"; null → "". */
export function vnNumber(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "" : numberFormat.format(n);
}

/** A share 0..1 → "87,5 %"; null → "". */
export function vnPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? "" : `${vnNumber(Math.round(share * 1000) / 10)} %`;
}

/** ISO date → "05/03/2026". */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The place-date line: "Lai Châu, ngày 05 tháng 3 năm 2026" — a leading zero for days under 10 and
 * for months 1 and 2 only. Without a date the day and month are left blank for the office's register.
 */
export function placeDateLine(place: string, iso: string | null, year: number): string {
  if (!iso) return `${place}, ngày      tháng      năm ${year}`;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** State: "Số: 05/BC-UBND"; blank "Số:      /BC-UBND". Numbers under 10 get a leading zero. */
export function stateNumberLine(num: number | null, symbol: string): string {
  return num === null ? `Số:      /BC-${symbol}` : `Số: ${pad2(num)}/BC-${symbol}`;
}

/** Party: "Số 12-BC/ĐU" — no colon, hyphen before the type; blank "Số      -BC/ĐU". */
export function partyNumberLine(num: number | null, symbol: string): string {
  return num === null ? `Số      -BC/${symbol}` : `Số ${pad2(num)}-BC/${symbol}`;
}

/** The words of a name that abbreviate it: "Sở Giáo dục và Đào tạo" → "SGDĐT". */
function initials(words: string): string {
  return words
    .split(/[\s-]+/)
    .filter((w) => w && !/^(và|-|,)$/i.test(w))
    .map((w) => (w[0] ?? "").toUpperCase())
    .join("");
}

/**
 * The issuing body's symbol in "BC-…": UBND for a People's Committee, ĐU for a Party committee,
 * TU for the provincial Party committee, else the initials of the body before its place name.
 */
export function bodySymbol(name: string): string {
  const n = name.normalize("NFC");
  if (/^(ủy ban nhân dân|ubnd)/i.test(n)) return "UBND";
  if (/^tỉnh ủy/i.test(n)) return "TU";
  if (/^đảng ủy/i.test(n)) return "ĐU";
  const core = n.split(/\s+(xã|phường|tỉnh|thành phố|huyện)\s+/i)[0] ?? n;
  return initials(core) || "UBND";
}

/** Party bodies write in the Party layout (DOMAIN.md §8); everything else in the State layout. */
export function isPartyBody(name: string): boolean {
  return /^(tỉnh ủy|đảng ủy|ban thường vụ|ban chấp hành|ban tuyên giáo|ban tổ chức|ủy ban kiểm tra|văn phòng (tỉnh|đảng) ủy|chi bộ|đảng bộ)/i.test(
    name.normalize("NFC"),
  );
}

/** "ĐẢNG ỦY XÃ BÌNH LƯ": upper case the Vietnamese way. */
export function upper(s: string): string {
  return s.toLocaleUpperCase("vi-VN");
}
