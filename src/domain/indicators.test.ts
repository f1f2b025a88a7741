import { describe, expect, it } from "vitest";
import { expectedValue, indicatorValue, targetStatus, withCoverage } from "./indicators.ts";

describe("indicator arithmetic", () => {
  it("adds numerators and denominators, never averages percentages", () => {
    const v = indicatorValue("rate", 100, { numerator: 9 + 1, denominator: 10 + 100, value: null });
    expect(v).toBeCloseTo(9.0909, 3);
    expect(indicatorValue("rate", 100, { numerator: 5, denominator: 0, value: null })).toBeNull();
    expect(indicatorValue("rate", 10_000, { numerator: 45, denominator: 5000, value: null })).toBe(90);
    expect(indicatorValue("units_meeting", 100, { numerator: null, denominator: null, value: 38 })).toBe(38);
  });
});

describe("target status along the trajectory", () => {
  const t = { baselineYear: 2025, baselineValue: 50, targetYear: 2030, targetValue: 60, comparator: ">=" };
  it("interpolates the expected value", () => {
    expect(expectedValue(t, 2025)).toBe(50);
    expect(expectedValue(t, 2028)).toBe(56);
    expect(expectedValue(t, 2031)).toBe(60);
  });
  it("classifies", () => {
    expect(targetStatus(t, 61, 2028)).toBe("achieved");
    expect(targetStatus(t, 56, 2028)).toBe("on_track");
    expect(targetStatus(t, 54, 2028)).toBe("at_risk");
    expect(targetStatus(t, 50, 2028)).toBe("behind");
    expect(targetStatus(t, null, 2028)).toBe("no_data");
  });
  it("expects a yearly target in full every year", () => {
    const yearly = { ...t, recurring: true };
    expect(expectedValue(yearly, 2026)).toBe(60);
    expect(targetStatus(yearly, 56, 2026)).toBe("behind");
    expect(targetStatus(t, 56, 2026)).toBe("on_track");
  });
});

describe("a lower-is-better target (dropout ≤ 1 % by 2030, from 5 % in 2025)", () => {
  const dropout = {
    baselineYear: 2025,
    baselineValue: 5,
    targetYear: 2030,
    targetValue: 1,
    comparator: "<=",
  };
  it("expects the value to fall along the way", () => {
    expect(expectedValue(dropout, 2028)).toBeCloseTo(2.6, 9);
  });
  it("judges a value above the trajectory as late and one below it as on track, never the other way", () => {
    expect(targetStatus(dropout, 1, 2028)).toBe("achieved");
    expect(targetStatus(dropout, 0.9, 2028)).toBe("achieved");
    expect(targetStatus(dropout, 2, 2028)).toBe("on_track");
    expect(targetStatus(dropout, 2.6, 2028)).toBe("on_track");
    expect(targetStatus(dropout, 4, 2028)).toBe("at_risk");
    expect(targetStatus(dropout, 6, 2028)).toBe("behind");
  });
  it("a strict '<' is not met on its bound", () => {
    expect(targetStatus({ ...dropout, comparator: "<" }, 1, 2030)).not.toBe("achieved");
    expect(targetStatus({ ...dropout, comparator: "<" }, 0.99, 2030)).toBe("achieved");
  });
});

describe("withCoverage: a target is judged only with enough units reporting", () => {
  it("holds back below the minimum share and judges at or above it", () => {
    expect(withCoverage("achieved", { reported: 1, total: 38 }, 0.8)).toBe("not_enough_data");
    expect(withCoverage("achieved", { reported: 30, total: 38 }, 0.8)).toBe("not_enough_data");
    expect(withCoverage("achieved", { reported: 31, total: 38 }, 0.8)).toBe("achieved");
    expect(withCoverage("behind", { reported: 4, total: 5 }, 0.8)).toBe("behind");
    expect(withCoverage("behind", { reported: 3, total: 5 }, 0.8)).toBe("not_enough_data");
    expect(withCoverage("on_track", { reported: 38, total: 38 }, 1)).toBe("on_track");
    expect(withCoverage("on_track", { reported: 37, total: 38 }, 1)).toBe("not_enough_data");
  });
  it("leaves alone what has no coverage to speak of", () => {
    expect(withCoverage("achieved", null, 0.8)).toBe("achieved");
    expect(withCoverage("no_data", { reported: 0, total: 38 }, 0.8)).toBe("no_data");
    expect(withCoverage("achieved", { reported: 0, total: 0 }, 0.8)).toBe("achieved");
  });
});
