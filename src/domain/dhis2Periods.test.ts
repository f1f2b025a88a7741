import { describe, expect, it } from "vitest";
import { dhis2PeriodOf, isoWeeksIn, lotrinhPeriodOf, parseDhis2Period } from "./dhis2Periods.ts";

const range = (id: string) => {
  const p = parseDhis2Period(id);
  return p ? `${p.type} ${p.start}..${p.end}` : null;
};

describe("DHIS2 period identifiers", () => {
  it.each([
    ["20250115", "Daily 2025-01-15..2025-01-15"],
    ["20240229", "Daily 2024-02-29..2024-02-29"],
    ["2025W1", "Weekly 2024-12-30..2025-01-05"],
    ["2020W53", "Weekly 2020-12-28..2021-01-03"],
    ["2015WedW5", "WeeklyWednesday 2015-01-28..2015-02-03"],
    ["2015ThuW6", "WeeklyThursday 2015-02-05..2015-02-11"],
    ["2015SatW7", "WeeklySaturday 2015-02-07..2015-02-13"],
    ["2015SunW8", "WeeklySunday 2015-02-15..2015-02-21"],
    ["2025BiW1", "BiWeekly 2024-12-30..2025-01-12"],
    ["202501", "Monthly 2025-01-01..2025-01-31"],
    ["202402", "Monthly 2024-02-01..2024-02-29"],
    ["202512", "Monthly 2025-12-01..2025-12-31"],
    ["202501B", "BiMonthly 2025-01-01..2025-02-28"],
    ["202506B", "BiMonthly 2025-11-01..2025-12-31"],
    ["2025Q1", "Quarterly 2025-01-01..2025-03-31"],
    ["2025Q4", "Quarterly 2025-10-01..2025-12-31"],
    ["2025NovQ1", "QuarterlyNov 2024-11-01..2025-01-31"],
    ["2025S1", "SixMonthly 2025-01-01..2025-06-30"],
    ["2025S2", "SixMonthly 2025-07-01..2025-12-31"],
    ["2025AprilS1", "SixMonthlyApril 2025-04-01..2025-09-30"],
    ["2025AprilS2", "SixMonthlyApril 2025-10-01..2026-03-31"],
    ["2025NovS1", "SixMonthlyNov 2024-11-01..2025-04-30"],
    ["2025NovS2", "SixMonthlyNov 2025-05-01..2025-10-31"],
    ["2025", "Yearly 2025-01-01..2025-12-31"],
    ["2025April", "FinancialApril 2025-04-01..2026-03-31"],
    ["2025July", "FinancialJuly 2025-07-01..2026-06-30"],
    ["2025Sep", "FinancialSep 2025-09-01..2026-08-31"],
    ["2025Oct", "FinancialOct 2025-10-01..2026-09-30"],
    ["2025Nov", "FinancialNov 2025-11-01..2026-10-31"],
  ])("%s is %s", (id, expected) => {
    expect(range(id)).toBe(expected);
  });

  it.each([
    "20250230",
    "20251301",
    "202513",
    "202500",
    "2025W0",
    "2025W53",
    "2025BiW27",
    "202507B",
    "2025Q5",
    "2025S3",
    "2025SY",
    "2025SYS1",
    "2025M9",
    "2025-01",
    "",
  ])("%s is refused", (id) => {
    expect(parseDhis2Period(id)).toBeNull();
  });

  it("knows 53-week years", () => {
    expect(isoWeeksIn(2020)).toBe(53);
    expect(isoWeeksIn(2026)).toBe(53);
    expect(isoWeeksIn(2025)).toBe(52);
    expect(range("2026W53")).toBe("Weekly 2026-12-28..2027-01-03");
  });
});

describe("DHIS2 periods ↔ Lộ Trình periods", () => {
  it("maps the kinds with a rule and refuses the others", () => {
    const of = (id: string) =>
      lotrinhPeriodOf(parseDhis2Period(id) as NonNullable<ReturnType<typeof parseDhis2Period>>);
    expect(of("2025")).toBe("2025");
    expect(of("2025Q3")).toBe("2025Q3");
    expect(of("2025S1")).toBe("2025S1");
    expect(of("2025S2")).toBeNull();
    expect(of("2025Sep")).toBe("2025SY");
    expect(of("2025April")).toBeNull();
    expect(of("202501")).toBeNull();
    expect(of("2025W1")).toBeNull();
  });

  it("writes what DHIS2 accepts, and nothing for kinds it lacks", () => {
    expect(dhis2PeriodOf("2025SY", "school_year")).toBe("2025Sep");
    expect(dhis2PeriodOf("2025", "year")).toBe("2025");
    expect(dhis2PeriodOf("2025Q2", "quarter")).toBe("2025Q2");
    expect(dhis2PeriodOf("2025S1", "six_month")).toBe("2025S1");
    expect(dhis2PeriodOf("2025SYS1", "semester")).toBeNull();
    expect(dhis2PeriodOf("2025M9", "nine_month")).toBeNull();
    for (const [code, kind] of [
      ["2025SY", "school_year"],
      ["2025", "year"],
      ["2025Q2", "quarter"],
      ["2025S1", "six_month"],
    ] as const) {
      const out = dhis2PeriodOf(code, kind) as string;
      expect(parseDhis2Period(out)).not.toBeNull();
    }
  });
});
