import { describe, expect, it } from "vitest";
import { memoByString } from "./memo.ts";

describe("memoByString", () => {
  it("computes each string once, remembers null results too, and starts again past its bound", () => {
    const calls: string[] = [];
    const f = memoByString((s: string) => {
      calls.push(s);
      return s === "x" ? null : s.length;
    }, 2);
    expect([f("ab"), f("ab"), f("x"), f("x")]).toEqual([2, 2, null, null]);
    expect(calls).toEqual(["ab", "x"]);
    f("abc"); // third entry: the memory starts again
    expect(f("ab")).toBe(2);
    expect(calls).toEqual(["ab", "x", "abc", "ab"]);
  });
});
