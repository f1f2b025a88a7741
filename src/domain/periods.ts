import { endOfMonth } from "./timeframe.ts";

export type PeriodKind = "school_year" | "semester" | "year" | "quarter" | "six_month" | "nine_month";

export interface PeriodSpec {
  code: string;
  kind: PeriodKind;
  name: string;
  start: string;
  end: string;
  /** Data cut-off window of a periodic report (Nghị định 09/2019/NĐ-CP, DOMAIN.md §5). */
  cutoffFrom: string | null;
  cutoffTo: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ROMAN = ["I", "II", "III", "IV"];

/**
 * The reporting periods of the years given: school years (with HK1, HK2) and calendar years,
 * quarters, 6- and 9-month windows with their cut-offs (15/12 of the previous year to the 14th).
 * Codes follow DHIS2 where it has one (2025, 2025Q1, 2025S1); a school year is "2025SY".
 */
export function periodsFor(
  fromYear: number,
  toYear: number,
  schoolYearEnd = { month: 5, day: 31 },
): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const syEnd = `${y + 1}-${pad(schoolYearEnd.month)}-${pad(schoolYearEnd.day)}`;
    out.push({
      code: `${y}SY`,
      kind: "school_year",
      name: `Năm học ${y}-${y + 1}`,
      start: `${y}-09-01`,
      end: syEnd,
      cutoffFrom: null,
      cutoffTo: null,
    });
    out.push({
      code: `${y}SYS1`,
      kind: "semester",
      name: `Học kỳ I năm học ${y}-${y + 1}`,
      start: `${y}-09-01`,
      end: `${y + 1}-01-15`,
      cutoffFrom: null,
      cutoffTo: null,
    });
    out.push({
      code: `${y}SYS2`,
      kind: "semester",
      name: `Học kỳ II năm học ${y}-${y + 1}`,
      start: `${y + 1}-01-16`,
      end: syEnd,
      cutoffFrom: null,
      cutoffTo: null,
    });
    const prevCut = `${y - 1}-12-15`;
    out.push({
      code: `${y}`,
      kind: "year",
      name: `Năm ${y}`,
      start: `${y}-01-01`,
      end: `${y}-12-31`,
      cutoffFrom: prevCut,
      cutoffTo: `${y}-12-14`,
    });
    for (let q = 1; q <= 4; q++) {
      const first = (q - 1) * 3 + 1;
      const cutFrom = q === 1 ? prevCut : `${y}-${pad(first - 1)}-15`;
      out.push({
        code: `${y}Q${q}`,
        kind: "quarter",
        name: `Quý ${ROMAN[q - 1]} năm ${y}`,
        start: `${y}-${pad(first)}-01`,
        end: endOfMonth(y, q * 3),
        cutoffFrom: cutFrom,
        cutoffTo: `${y}-${pad(q * 3)}-14`,
      });
    }
    out.push({
      code: `${y}S1`,
      kind: "six_month",
      name: `6 tháng đầu năm ${y}`,
      start: `${y}-01-01`,
      end: `${y}-06-30`,
      cutoffFrom: prevCut,
      cutoffTo: `${y}-06-14`,
    });
    out.push({
      code: `${y}M9`,
      kind: "nine_month",
      name: `9 tháng năm ${y}`,
      start: `${y}-01-01`,
      end: `${y}-09-30`,
      cutoffFrom: prevCut,
      cutoffTo: `${y}-09-14`,
    });
  }
  return out;
}

/** The school-year period code of "2024-2025" or "năm học 2024 - 2025". */
export function schoolYearCode(text: string): string | null {
  const m = /(\d{4})\s*-\s*(\d{4})/.exec(text);
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}SY` : null;
}

/** The periodic reports whose data cut-off window (both ends included) holds `day`. */
export function reportsCovering(specs: PeriodSpec[], day: string): string[] {
  return specs
    .filter((p) => p.cutoffFrom !== null && p.cutoffTo !== null && p.cutoffFrom <= day && day <= p.cutoffTo)
    .map((p) => p.code);
}
