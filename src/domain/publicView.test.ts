import { describe, expect, it } from "vitest";
import { isPublicLevel, publicUnitOf, standingOn, tally } from "./publicView.ts";

const province = { id: 1, kind: "province" };
const commune = { id: 2, kind: "commune" };
const ward = { id: 3, kind: "ward" };

describe("publicUnitOf: nothing below a commune", () => {
  it("areas stand for themselves", () => {
    expect(publicUnitOf({ ...province, ancestors: [] })).toBe(1);
    expect(publicUnitOf({ ...commune, ancestors: [province] })).toBe(2);
    expect(publicUnitOf({ id: 4, kind: "district", ancestors: [province] })).toBe(4);
  });
  it("a school and a commune's office count into their commune", () => {
    expect(publicUnitOf({ id: 10, kind: "school", ancestors: [commune, province] })).toBe(2);
    expect(publicUnitOf({ id: 11, kind: "body", ancestors: [ward, province] })).toBe(3);
    expect(isPublicLevel({ id: 10, kind: "school", ancestors: [commune, province] })).toBe(false);
    expect(isPublicLevel({ id: 11, kind: "body", ancestors: [commune, province] })).toBe(false);
  });
  it("a provincial body stands for itself; a provincial school counts into the province", () => {
    expect(publicUnitOf({ id: 12, kind: "body", ancestors: [province] })).toBe(12);
    expect(isPublicLevel({ id: 12, kind: "body", ancestors: [province] })).toBe(true);
    expect(publicUnitOf({ id: 13, kind: "school", ancestors: [province] })).toBe(1);
  });
  it("a school with no area above it is not shown at all; a body with none stands alone", () => {
    expect(publicUnitOf({ id: 14, kind: "school", ancestors: [] })).toBeNull();
    expect(publicUnitOf({ id: 15, kind: "body", ancestors: [] })).toBe(15);
  });
});

describe("standingOn and tally", () => {
  const asOf = "2026-07-01";
  it("done only when confirmed done by asOf; overdue from the day after the deadline", () => {
    expect(standingOn({ state: "done", due_on: "2026-06-30", completed_on: "2026-07-01" }, asOf)).toBe(
      "done",
    );
    expect(standingOn({ state: "done", due_on: "2026-06-30", completed_on: "2026-07-02" }, asOf)).toBe(
      "overdue",
    );
    expect(standingOn({ state: "in_progress", due_on: "2026-06-30", completed_on: null }, asOf)).toBe(
      "overdue",
    );
    expect(standingOn({ state: "in_progress", due_on: "2026-07-01", completed_on: null }, asOf)).toBe("open");
    expect(standingOn({ state: "not_started", due_on: null, completed_on: null }, asOf)).toBe("open");
  });
  it("the rate leaves open work out", () => {
    expect(tally(["done", "done", "overdue", "open"])).toEqual({
      total: 4,
      done: 2,
      overdue: 1,
      open: 1,
      rate: 2 / 3,
    });
    expect(tally(["open"]).rate).toBeNull();
  });
});
