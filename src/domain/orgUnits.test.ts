import { describe, expect, it } from "vitest";
import { isIsoDate, subtreeIds, validOn } from "./orgUnits.ts";

describe("validity intervals", () => {
  it("includes the start and excludes the end", () => {
    expect(validOn("2025-07-01", null, "2025-07-01")).toBe(true);
    expect(validOn(null, "2025-07-01", "2025-07-01")).toBe(false);
    expect(validOn(null, "2025-07-01", "2025-06-30")).toBe(true);
    expect(validOn(null, null, "1990-01-01")).toBe(true);
  });
  it("accepts only real ISO dates", () => {
    expect(isIsoDate("2025-06-30")).toBe(true);
    expect(isIsoDate("2025-02-30")).toBe(false);
    expect(isIsoDate("30/06/2025")).toBe(false);
  });
});

describe("subtree", () => {
  it("collects all descendants and nothing else", () => {
    const parentOf = new Map<number, number | null>([
      [1, null],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, null],
    ]);
    expect([...subtreeIds(2, parentOf)].sort()).toEqual([2, 3]);
    expect([...subtreeIds(1, parentOf)].sort()).toEqual([1, 2, 3, 4]);
  });
});
