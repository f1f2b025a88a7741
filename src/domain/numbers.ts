/**
 * Vietnamese numbers, read and written in one place (DOMAIN.md §2, §9): "1.234,5" is one thousand two
 * hundred thirty-four and a half. Every numeric input — the forms, the target and catalog forms, XLSX
 * and CSV cells written as text, API strings — goes through `parseViNumber`, and every number shown goes
 * through `formatViNumber`. Pure: used by the browser as one types and by the server on save.
 *
 * Accepted: "1234", "1.234" and "1.234.567" (dots in groups of three are thousands), "1 234" (also with
 * a no-break or narrow space), "99,8" and "1.234,5" (a comma is the decimal mark), "99.8" or "1234.5"
 * (one dot that cannot be a thousands group is a decimal point), a leading minus.
 * Refused, with a reason: empty text, letters, exponents ("1e308"), "1,234,567" and "1,234.5" (English
 * grouping is ambiguous here), misplaced groups ("1.23.456", "12 34"), a mark with no digit beside it.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const GROUPED_DOTS = /^\d{1,3}(\.\d{3})+$/;
const GROUPED_SPACES = /^\d{1,3}( \d{3})+$/;

function fail(reason: string): ParsedNumber {
  return { ok: false, reason };
}

/** The integer part before any decimal mark: plain digits, or groups of three by dots or by spaces. */
function integerPart(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (GROUPED_DOTS.test(text)) return Number(text.replace(/\./g, ""));
  if (GROUPED_SPACES.test(text)) return Number(text.replace(/ /g, ""));
  return null;
}

export function parseViNumber(raw: string): ParsedNumber {
  const text = raw.normalize("NFC").trim().replace(SPACES, " ").replace(/^[−–]/, "-");
  if (text === "") return fail("Chưa nhập số.");
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1).trim() : text;
  if (/[eE]/.test(body)) return fail(`«${raw.trim()}» không phải số (không dùng dạng lũy thừa như 1e5).`);
  if (!/^[\d., ]+$/.test(body)) return fail(`«${raw.trim()}» không phải số.`);
  if (!/\d/.test(body)) return fail(`«${raw.trim()}» không có chữ số nào.`);
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas > 1)
    return fail(
      `«${raw.trim()}» có nhiều dấu phẩy; viết hàng nghìn bằng dấu chấm, thập phân bằng dấu phẩy (1.234,5).`,
    );
  let value: number | null;
  if (commas === 1) {
    const [whole = "", fraction = ""] = body.split(",");
    if (!/^\d+$/.test(fraction) || whole === "")
      return fail(`«${raw.trim()}»: sau và trước dấu phẩy thập phân phải có chữ số (ví dụ 99,8).`);
    const int = integerPart(whole);
    if (int === null)
      return fail(`«${raw.trim()}»: hàng nghìn phải chia nhóm ba chữ số, trước dấu phẩy (1.234,5).`);
    value = Number(`${int}.${fraction}`);
  } else if (dots === 0) {
    value = integerPart(body);
    if (value === null) return fail(`«${raw.trim()}»: khoảng trắng chỉ dùng để chia nhóm ba chữ số (1 234).`);
  } else if (GROUPED_DOTS.test(body)) {
    value = Number(body.replace(/\./g, ""));
  } else if (dots === 1 && /^\d+\.\d+$/.test(body)) {
    value = Number(body);
  } else {
    return fail(`«${raw.trim()}»: dấu chấm phân cách hàng nghìn phải theo nhóm ba chữ số (1.234.567).`);
  }
  if (!Number.isFinite(value)) return fail(`«${raw.trim()}» quá lớn.`);
  return { ok: true, value: negative ? -value : value };
}

/** A number from a spreadsheet cell or an API field: numbers as they are (finite only), text parsed. */
export function numberFrom(input: unknown): ParsedNumber {
  if (typeof input === "number")
    return Number.isFinite(input) ? { ok: true, value: input } : fail("Giá trị không phải số hữu hạn.");
  if (typeof input === "string") return parseViNumber(input);
  return fail("Giá trị không phải số.");
}

const formatters = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1.234,5" (Intl vi-VN), at most `maxFractionDigits` decimals. */
export function formatViNumber(value: number, maxFractionDigits = 2): string {
  let f = formatters.get(maxFractionDigits);
  if (!f) {
    f = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: maxFractionDigits });
    formatters.set(maxFractionDigits, f);
  }
  return f.format(value);
}
