import { describe, expect, it } from "vitest";
import { reportWindow, roundTitle } from "./reportWindows.ts";

describe("report rounds: titles and windows (DOMAIN.md §5)", () => {
  it("says the period once, in the kind's own words", () => {
    expect(roundTitle("six_month", 2026, "47-KH/ĐU")).toBe("Báo cáo 6 tháng đầu năm 2026 — 47-KH/ĐU");
    expect(roundTitle("annual", 2026, "47-KH/ĐU")).toBe("Báo cáo năm 2026 — 47-KH/ĐU");
    expect(roundTitle("review_mid", 2028, "47-KH/ĐU")).toBe("Báo cáo sơ kết năm 2028 — 47-KH/ĐU");
    expect(roundTitle("review_final", 2030, "47-KH/ĐU")).toBe("Báo cáo tổng kết năm 2030 — 47-KH/ĐU");
  });

  it("a 6-month window runs 15/12 of the year before to 14/06; a year's to 14/12", () => {
    expect(reportWindow("six_month", 2026)).toEqual({ from: "2025-12-15", to: "2026-06-14" });
    expect(reportWindow("annual", 2026)).toEqual({ from: "2025-12-15", to: "2026-12-14" });
  });
});
