import { describe, expect, it } from "vitest";
import { addDays } from "./dates.ts";
import { occurrencesOf } from "./occurrences.ts";
import { periodsFor, reportsCovering } from "./periods.ts";
import { clockOf, timelinessOf } from "./status.ts";
import { parseTimeframe } from "./timeframe.ts";

/**
 * Every row of DOMAIN.md §3 (time frames) and §5 (reporting periods and cut-offs) with its exact date,
 * and each boundary on both sides: the due day is not overdue, the day after is; the cut-off day is in
 * the report, the day after is not.
 */
const PERIOD = { from: 2025, to: 2030 };

function dueDates(text: string): (string | null)[] {
  return occurrencesOf(parseTimeframe(text), PERIOD).map((o) => o.due);
}

/** Open on its due day (not overdue), overdue the day after — judged as the register judges it. */
function expectDueOn(due: string) {
  const open = { state: "in_progress" as const, due, completedOn: null };
  expect(timelinessOf(open, clockOf(addDays(due, -8), 7))).toBe("in_time");
  expect(timelinessOf(open, clockOf(addDays(due, -7), 7))).toBe("due_soon");
  expect(timelinessOf(open, clockOf(due, 7))).toBe("due_soon");
  expect(timelinessOf(open, clockOf(addDays(due, 1), 7))).toBe("overdue");
}

describe("DOMAIN.md §3: each time frame, its exact due date, and both sides of it", () => {
  it.each([
    ["Tháng 3/2026", "2026-03-31"],
    ["Tháng 4/2026", "2026-04-30"],
    ["Quý II năm 2026", "2026-06-30"],
    ["Quý I năm 2027", "2027-03-31"],
    ["Quý III/2026", "2026-09-30"],
    ["Năm 2025", "2025-12-31"],
    ["Năm học 2026-2027", "2027-05-31"],
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["6 tháng cuối năm 2026", "2026-12-31"],
    ["9 tháng năm 2026", "2026-09-30"],
    ["Giai đoạn 2025-2030", "2030-12-31"],
  ])("%s is due %s", (text, due) => {
    expect(dueDates(text)).toEqual([due]);
    expectDueOn(due);
  });

  it("a date written dd/mm/yyyy keeps day and month: 05/3/2026 is 5 March, not 3 May", () => {
    expect(dueDates("Trước ngày 05/3/2026")).toEqual(["2026-03-05"]);
    expect(dueDates("Ngày 12 tháng 4 năm 2026")).toEqual(["2026-04-12"]);
  });

  it("Tháng 3/2026 và thường xuyên: due 31/03/2026, then continuing each year without a deadline", () => {
    const occ = occurrencesOf(parseTimeframe("Tháng 3/2026 và thường xuyên"), PERIOD);
    expect(occ[0]).toMatchObject({ kind: "deadline", due: "2026-03-31" });
    expect(occ.slice(1).map((o) => [o.label, o.due])).toEqual([
      ["Thường xuyên năm 2026", null],
      ["Thường xuyên năm 2027", null],
      ["Thường xuyên năm 2028", null],
      ["Thường xuyên năm 2029", null],
      ["Thường xuyên năm 2030", null],
    ]);
  });

  it("Hằng năm and Hàng năm: one occurrence each year of the plan, due 31/12", () => {
    for (const text of ["Hằng năm", "Hàng năm"])
      expect(dueDates(text)).toEqual([
        "2025-12-31",
        "2026-12-31",
        "2027-12-31",
        "2028-12-31",
        "2029-12-31",
        "2030-12-31",
      ]);
  });

  it("Quý IV hằng năm; sơ kết quý IV năm 2028; tổng kết quý IV năm 2030", () => {
    const occ = occurrencesOf(
      parseTimeframe("Quý IV hằng năm; sơ kết quý IV năm 2028; tổng kết quý IV năm 2030"),
      PERIOD,
    );
    expect(occ.filter((o) => o.kind === "yearly").map((o) => o.due)).toEqual([
      "2025-12-31",
      "2026-12-31",
      "2027-12-31",
      "2028-12-31",
      "2029-12-31",
      "2030-12-31",
    ]);
    expect(occ.filter((o) => o.kind === "milestone").map((o) => [o.label, o.due])).toEqual([
      ["Sơ kết 2028", "2028-12-31"],
      ["Tổng kết 2030", "2030-12-31"],
    ]);
  });

  it("Thường xuyên, Thường xuyên hoặc chuyên đề: no deadline, 'không thời hạn'", () => {
    for (const text of ["Thường xuyên", "Thường xuyên hoặc chuyên đề"]) {
      expect(dueDates(text).every((d) => d === null)).toBe(true);
      expect(
        timelinessOf({ state: "in_progress", due: null, completedOn: null }, clockOf("2031-01-01")),
      ).toBe("no_deadline");
    }
  });

  it("waiting on an outside event: no date until someone sets one, visible as such", () => {
    for (const text of [
      "Theo KH của Bộ GD&ĐT",
      "Sau khi có văn bản hướng dẫn của Bộ Giáo dục và Đào tạo",
      "Theo kế hoạch của Trung ương, tỉnh",
    ])
      expect(occurrencesOf(parseTimeframe(text), PERIOD)).toEqual([
        { label: "Chờ xác định thời hạn", kind: "pending", year: null, due: null },
      ]);
  });
});

describe("DOMAIN.md §5: reporting periods and their cut-offs, both sides of each", () => {
  const specs = [...periodsFor(2025, 2027)];
  const covering = (day: string) => reportsCovering(specs, day);
  const byCode = Object.fromEntries(specs.map((p) => [p.code, p]));

  it("6-month report: 15/12 of the previous year to 14/06", () => {
    expect(byCode["2026S1"]).toMatchObject({
      cutoffFrom: "2025-12-15",
      cutoffTo: "2026-06-14",
      end: "2026-06-30",
    });
    expect(covering("2025-12-14")).not.toContain("2026S1");
    expect(covering("2025-12-15")).toContain("2026S1");
    expect(covering("2026-06-14")).toContain("2026S1");
    expect(covering("2026-06-15")).not.toContain("2026S1");
  });

  it("9-month report: to 14/09", () => {
    expect(byCode["2026M9"]).toMatchObject({
      cutoffFrom: "2025-12-15",
      cutoffTo: "2026-09-14",
      end: "2026-09-30",
    });
    expect(covering("2026-09-14")).toContain("2026M9");
    expect(covering("2026-09-15")).not.toContain("2026M9");
  });

  it("annual report: 15/12 of the previous year to 14/12; the next day opens the next year's", () => {
    expect(byCode["2026"]).toMatchObject({ cutoffFrom: "2025-12-15", cutoffTo: "2026-12-14" });
    expect(covering("2026-12-14")).toContain("2026");
    expect(covering("2026-12-15")).not.toContain("2026");
    expect(covering("2026-12-15")).toContain("2027");
    expect(covering("2026-12-15")).toContain("2027S1");
  });

  it("quarterly: the 15th of the month before the quarter to the 14th of its last month", () => {
    const quarters = [
      ["2026Q1", "2025-12-15", "2026-03-14"],
      ["2026Q2", "2026-03-15", "2026-06-14"],
      ["2026Q3", "2026-06-15", "2026-09-14"],
      ["2026Q4", "2026-09-15", "2026-12-14"],
    ] as const;
    for (const [code, from, to] of quarters) {
      expect(byCode[code]).toMatchObject({ cutoffFrom: from, cutoffTo: to });
      expect(covering(addDays(from, -1))).not.toContain(code);
      expect(covering(from)).toContain(code);
      expect(covering(to)).toContain(code);
      expect(covering(addDays(to, 1))).not.toContain(code);
    }
  });

  it("the school year runs from September to 31 May, in two semesters", () => {
    expect(byCode["2026SY"]).toMatchObject({ start: "2026-09-01", end: "2027-05-31" });
    expect(byCode["2026SYS1"]).toMatchObject({ start: "2026-09-01" });
    expect(byCode["2026SYS2"]).toMatchObject({ end: "2027-05-31" });
    expect(addDays(byCode["2026SYS1"]?.end as string, 1)).toBe(byCode["2026SYS2"]?.start);
  });
});
