import { describe, expect, it } from "vitest";
import { checkReportedValue, type ReportedIndicator } from "./reportedFigures.ts";

const rate: ReportedIndicator = { code: "R", name: "Tỷ lệ", type: "rate", multiplier: 100, gross: false };

describe("a reported figure of an indicator as a whole", () => {
  it("a percentage lies in 0–100; a gross rate over 100 is a warning", () => {
    expect(checkReportedValue(rate, 100)).toBeNull();
    expect(checkReportedValue(rate, 0)).toBeNull();
    expect(checkReportedValue(rate, 100.1)?.level).toBe("error");
    expect(checkReportedValue(rate, -0.1)?.level).toBe("error");
    expect(checkReportedValue({ ...rate, gross: true }, 104)?.level).toBe("warning");
    expect(checkReportedValue({ ...rate, multiplier: 10_000 }, 954)).toBeNull();
  });
  it("counts are whole, yes/no is 0 or 1", () => {
    const units: ReportedIndicator = { ...rate, type: "units_meeting", name: "Số xã" };
    expect(checkReportedValue(units, 38)).toBeNull();
    expect(checkReportedValue(units, 38.5)?.message).toContain("38,5 không phải số nguyên");
    expect(checkReportedValue({ ...rate, type: "yes_no" }, 1)).toBeNull();
    expect(checkReportedValue({ ...rate, type: "yes_no" }, 2)?.level).toBe("error");
  });
});
