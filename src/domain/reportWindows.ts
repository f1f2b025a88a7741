/**
 * Data windows of periodic reports (Nghị định 09/2019/NĐ-CP, DOMAIN.md §5): a 6-month report counts
 * from 15/12 of the previous year to 14/6; an annual report from 15/12 of the previous year to 14/12.
 */
export const REPORT_PERIODS = ["six_month", "annual"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export interface Window {
  from: string;
  to: string;
}

export function reportWindow(period: ReportPeriod, year: number): Window {
  return { from: `${year - 1}-12-15`, to: period === "six_month" ? `${year}-06-14` : `${year}-12-14` };
}

/** "6 tháng đầu năm 2026" / "năm 2026". */
export function periodPhrase(period: ReportPeriod, year: number): string {
  return period === "six_month" ? `6 tháng đầu năm ${year}` : `năm ${year}`;
}

const ROUND_KIND_TITLE = {
  six_month: "Báo cáo",
  annual: "Báo cáo",
  review_mid: "Báo cáo sơ kết",
  review_final: "Báo cáo tổng kết",
} as const;

/**
 * A round's title: "Báo cáo 6 tháng đầu năm 2026 — 47-KH/ĐU", "Báo cáo năm 2026 — …", "Báo cáo sơ
 * kết năm 2028 — …" (the kind's own words, then the period's, each once).
 */
export function roundTitle(kind: keyof typeof ROUND_KIND_TITLE, year: number, plan: string): string {
  return `${ROUND_KIND_TITLE[kind]} ${periodPhrase(kind === "six_month" ? "six_month" : "annual", year)} — ${plan}`;
}

/** "2026-6T" / "2026" ↔ period and year, as written on the command line. */
export function parsePeriodCode(code: string): { period: ReportPeriod; year: number } | null {
  const m = /^(\d{4})(?:-(6T|6m|H1|CN|year))?$/i.exec(code.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  const six = m[2] !== undefined && /^(6T|6m|H1)$/i.test(m[2]);
  return { period: six ? "six_month" : "annual", year };
}

/** The day a report's figures stand on: the window's last day, or today while the window is open. */
export function standsOn(w: Window, today: string): string {
  return today < w.to ? today : w.to;
}

/**
 * Whether an occurrence belongs in a periodic report: due in the window, without a deadline
 * (continuous work of the report's year or before, not done before the window), done in the window, or due earlier and still not done when the window opened
 * (late work is carried into every report until it is done).
 */
export function inWindow(
  o: { due: string | null; state: string; completedOn: string | null; year?: number | null },
  w: Window,
): boolean {
  const doneBefore = o.state === "done" && o.completedOn !== null && o.completedOn < w.from;
  // continuous work of a later year ("Thường xuyên năm 2027") is not yet this report's
  if (o.due === null) return !doneBefore && !(o.year != null && o.year > Number(w.to.slice(0, 4)));
  if (o.due >= w.from && o.due <= w.to) return true;
  if (o.state === "done" && o.completedOn !== null && o.completedOn >= w.from && o.completedOn <= w.to)
    return true;
  return o.due < w.from && !doneBefore;
}
