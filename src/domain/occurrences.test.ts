import { describe, expect, it } from "vitest";
import { occurrencesOf, planPeriod } from "./occurrences.ts";
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

  it("uses the plan's period, else the issue year to 2030", () => {
    expect(planPeriod({ from: 2025, to: 2026 }, null, "2026-11-23")).toEqual({ from: 2025, to: 2026 });
    expect(planPeriod(null, "2025-05-01", "2026-11-23")).toEqual({ from: 2025, to: 2030 });
  });
});
