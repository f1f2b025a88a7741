import { describe, expect, it } from "vitest";
import { confirmedTimeframe, occurrencesOf, planPeriod } from "./occurrences.ts";
import { parseTimeframe } from "./timeframe.ts";

const period = { from: 2026, to: 2030 };

describe("occurrences of a time frame", () => {
  it("one deadline", () => {
    expect(occurrencesOf(parseTimeframe("Quý II năm 2026"), period)).toEqual([
      { label: "Hạn hoàn thành", kind: "deadline", year: 2026, due: "2026-06-30" },
    ]);
  });

  it("yearly in Q4 with the mid-term and final reviews as their own items", () => {
    const occ = occurrencesOf(
      parseTimeframe("Quý IV hằng năm; sơ kết quý IV năm 2028; tổng kết quý IV năm 2030"),
      period,
    );
    expect(occ.filter((o) => o.kind === "yearly").map((o) => o.due)).toEqual([
      "2026-12-31",
      "2027-12-31",
      "2028-12-31",
      "2029-12-31",
      "2030-12-31",
    ]);
    expect(occ.filter((o) => o.kind === "milestone")).toEqual([
      { label: "Sơ kết 2028", kind: "milestone", year: 2028, due: "2028-12-31" },
      { label: "Tổng kết 2030", kind: "milestone", year: 2030, due: "2030-12-31" },
    ]);
  });

  it("continuous work reports each year without a deadline; a first deadline can come before it", () => {
    expect(occurrencesOf(parseTimeframe("Thường xuyên"), period).map((o) => [o.label, o.due])).toHaveLength(
      5,
    );
    const mixed = occurrencesOf(parseTimeframe("Tháng 3/2026 và thường xuyên"), period);
    expect(mixed[0]).toMatchObject({ kind: "deadline", due: "2026-03-31" });
    expect(mixed.slice(1).every((o) => o.kind === "continuous" && o.due === null)).toBe(true);
  });

  it("waiting on an outside document: one item without a date", () => {
    expect(occurrencesOf(parseTimeframe("Theo KH của Bộ GD&ĐT"), period)).toEqual([
      { label: "Chờ xác định thời hạn", kind: "pending", year: null, due: null },
    ]);
  });

  it("uses the plan's period, else its own year (full or incomplete date, else its tasks'), to 2030", () => {
    const none = { period: null, issuedOn: null, dateText: null, taskDues: [] };
    expect(planPeriod({ ...none, period: { from: 2025, to: 2026 }, issuedOn: "2024-01-01" })).toEqual({
      from: 2025,
      to: 2026,
    });
    expect(planPeriod({ ...none, issuedOn: "2025-05-01" })).toEqual({ from: 2025, to: 2030 });
    // seed 001: "Kế hoạch số -/KH-UBND ngày tháng năm 2025" keeps 2025
    expect(planPeriod({ ...none, dateText: "ngày tháng năm 2025", taskDues: ["2026-12-31"] })).toEqual({
      from: 2025,
      to: 2030,
    });
    expect(planPeriod({ ...none, taskDues: [null, "2027-06-30", "2026-03-31"] })).toEqual({
      from: 2026,
      to: 2030,
    });
    expect(planPeriod({ ...none, issuedOn: "2031-02-01" })).toEqual({ from: 2031, to: 2031 });
    expect(planPeriod(none)).toBeNull();
  });

  it("a duty with no time named stays what the reviewer saw", () => {
    expect(confirmedTimeframe("", "continuous").kind).toBe("continuous");
    expect(confirmedTimeframe("", "pending").kind).toBe("pending");
    expect(confirmedTimeframe("").kind).toBe("pending");
    expect(confirmedTimeframe("Quý II năm 2026", "continuous")).toMatchObject({
      kind: "deadline",
      due: "2026-06-30",
    });
  });
});
