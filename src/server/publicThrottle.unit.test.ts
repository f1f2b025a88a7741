import { describe, expect, it } from "vitest";
import { AnswerCache, TokenBuckets } from "./publicThrottle.ts";

describe("TokenBuckets", () => {
  it("lets a burst through, refuses the next, refills with time", () => {
    const b = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5 });
    for (let i = 0; i < 3; i++) expect(b.take("1.1.1.1", 0)).toBe(0);
    expect(b.take("1.1.1.1", 0)).toBe(2);
    expect(b.take("1.1.1.1", 1_900)).toBeGreaterThan(0);
    expect(b.take("1.1.1.1", 2_000)).toBe(0);
    expect(b.take("1.1.1.1", 2_000)).toBeGreaterThan(0);
  });
  it("one address's burst never slows another", () => {
    const b = new TokenBuckets({ capacity: 1, refillPerSecond: 1 });
    expect(b.take("a", 0)).toBe(0);
    expect(b.take("a", 0)).toBe(1);
    expect(b.take("b", 0)).toBe(0);
  });
});

describe("AnswerCache", () => {
  it("computes once within the time to live, again after it or after clear", async () => {
    const c = new AnswerCache<number>(1000);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await c.get("k", 0, compute)).toBe(1);
    expect(await c.get("k", 999, compute)).toBe(1);
    expect(await c.get("k", 1000, compute)).toBe(2);
    c.clear();
    expect(await c.get("k", 1001, compute)).toBe(3);
  });
  it("keeps no failure", async () => {
    const c = new AnswerCache<number>(1000);
    await expect(c.get("k", 0, () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await c.get("k", 1, async () => 7)).toBe(7);
  });
});
