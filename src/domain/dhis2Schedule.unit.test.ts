import { describe, expect, it } from "vitest";
import { nextRunAfter, periodsByRule } from "./dhis2Schedule.ts";

describe("the periods a scheduled DHIS2 exchange asks for", () => {
  it("the last completed period, on both sides of each boundary", () => {
    expect(periodsByRule("LAST_YEAR", "2026-01-01")).toEqual(["2025"]);
    expect(periodsByRule("LAST_YEAR", "2025-12-31")).toEqual(["2024"]);
    expect(periodsByRule("THIS_YEAR", "2026-01-01")).toEqual(["2026"]);
    expect(periodsByRule("LAST_QUARTER", "2026-03-31")).toEqual(["2025Q4"]);
    expect(periodsByRule("LAST_QUARTER", "2026-04-01")).toEqual(["2026Q1"]);
    expect(periodsByRule("LAST_SIX_MONTH", "2026-06-30")).toEqual(["2025S2"]);
    expect(periodsByRule("LAST_SIX_MONTH", "2026-07-01")).toEqual(["2026S1"]);
    expect(periodsByRule("LAST_MONTH", "2026-01-15")).toEqual(["202512"]);
    expect(periodsByRule("LAST_MONTH", "2026-10-01")).toEqual(["202609"]);
    // the school year 2024–2025 is over on 1 September 2025, not on 31 August
    expect(periodsByRule("LAST_SCHOOL_YEAR", "2025-08-31")).toEqual(["2023Sep"]);
    expect(periodsByRule("LAST_SCHOOL_YEAR", "2025-09-01")).toEqual(["2024Sep"]);
  });

  it("the next run is one interval after the start, or after now when a run overran", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(nextRunAfter(start, 60, new Date("2026-01-01T00:10:00Z")).toISOString()).toBe(
      "2026-01-01T01:00:00.000Z",
    );
    expect(nextRunAfter(start, 60, new Date("2026-01-01T02:00:00Z")).toISOString()).toBe(
      "2026-01-01T03:00:00.000Z",
    );
  });
});
