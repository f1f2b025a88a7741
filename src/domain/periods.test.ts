import { describe, expect, it } from "vitest";
import { periodsFor, schoolYearCode } from "./periods.ts";

describe("reporting periods", () => {
  const p = Object.fromEntries(periodsFor(2026, 2026).map((x) => [x.code, x]));
  it("has the school year with its two semesters", () => {
    expect(p["2026SY"]).toMatchObject({ name: "Năm học 2026-2027", start: "2026-09-01", end: "2027-05-31" });
    expect(p["2026SYS1"]?.end).toBe("2027-01-15");
    expect(p["2026SYS2"]?.start).toBe("2027-01-16");
  });
  it("uses the cut-offs of Nghị định 09/2019 for periodic reports", () => {
    expect(p["2026S1"]).toMatchObject({ cutoffFrom: "2025-12-15", cutoffTo: "2026-06-14" });
    expect(p["2026M9"]).toMatchObject({ cutoffFrom: "2025-12-15", cutoffTo: "2026-09-14" });
    expect(p["2026"]).toMatchObject({ cutoffFrom: "2025-12-15", cutoffTo: "2026-12-14" });
    expect(p["2026Q2"]).toMatchObject({
      start: "2026-04-01",
      end: "2026-06-30",
      cutoffFrom: "2026-03-15",
      cutoffTo: "2026-06-14",
    });
    expect(p["2026Q1"]).toMatchObject({ cutoffFrom: "2025-12-15", cutoffTo: "2026-03-14" });
  });
  it("reads a school year", () => {
    expect(schoolYearCode("năm học 2024 - 2025")).toBe("2024SY");
    expect(schoolYearCode("2024-2026")).toBeNull();
  });
});
