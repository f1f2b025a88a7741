import { describe, expect, it } from "vitest";
import { ReadCache } from "./readCache.ts";

/* The cache's rules without a database: clock and write generation injected. */

function setup(opts: { maxAgeMs?: number; maxEntries?: number; maxBytes?: number } = {}) {
  const state = { now: 0, generation: 0, computed: 0 };
  const cache = new ReadCache({
    maxAgeMs: opts.maxAgeMs ?? 3000,
    maxEntries: opts.maxEntries,
    maxBytes: opts.maxBytes,
    clock: () => state.now,
    generation: () => state.generation,
  });
  const answer = (body: string) => async () => {
    state.computed++;
    return body;
  };
  return { state, cache, answer };
}

describe("ReadCache", () => {
  it("serves a kept answer until maxAgeMs after its computation began, not at maxAgeMs", async () => {
    const { state, cache, answer } = setup();
    expect((await cache.get("k", null, answer("a"))).hit).toBe(false);
    state.generation++; // someone else wrote
    state.now = 2999;
    const hit = await cache.get("k", null, answer("b"));
    expect(hit).toMatchObject({ hit: true, body: "a", ageMs: 2999 });
    state.now = 3000;
    expect(await cache.get("k", null, answer("b"))).toMatchObject({ hit: false, body: "b" });
    expect(state.computed).toBe(2);
  });

  it("never serves a session an answer computed before its own write", async () => {
    const { state, cache, answer } = setup();
    await cache.get("k", "s1", answer("before"));
    state.generation++;
    cache.noteWrite("s1");
    expect((await cache.get("k", "s2", answer("x"))).body).toBe("before"); // another session: within bound
    expect((await cache.get("k", "s1", answer("after"))).body).toBe("after");
    // the newer answer now serves both
    expect((await cache.get("k", "s2", answer("y"))).body).toBe("after");
  });

  it("a computation still running when a session wrote does not answer that session", async () => {
    const { state, cache } = setup();
    let release: (v: string) => void = () => {};
    const slow = cache.get("k", "s2", () => new Promise<string>((r) => (release = r)));
    state.generation++;
    cache.noteWrite("s1");
    const mine = cache.get("k", "s1", async () => "after my write");
    const joined = cache.get("k", "s2", async () => "never run"); // joins the newest computation
    release("before the write");
    expect((await slow).body).toBe("before the write");
    expect((await mine).body).toBe("after my write");
    expect((await joined).body).toBe("after my write");
    // the older, slower computation did not replace the newer answer
    expect((await cache.get("k", null, async () => "z")).body).toBe("after my write");
  });

  it("concurrent misses of one key wait for one computation; an error is not kept", async () => {
    const { cache, state, answer } = setup();
    const all = await Promise.all([1, 2, 3, 4].map(() => cache.get("k", null, answer("one"))));
    expect(state.computed).toBe(1);
    expect(all.map((x) => x.body)).toEqual(["one", "one", "one", "one"]);
    expect(all.filter((x) => !x.hit)).toHaveLength(1);
    await expect(cache.get("bad", null, async () => Promise.reject(new Error("boom")))).rejects.toThrow();
    expect((await cache.get("bad", null, answer("ok"))).body).toBe("ok");
  });

  it("evicts the least recently used beyond maxEntries and beyond maxBytes", async () => {
    const { cache, answer } = setup({ maxEntries: 2, maxBytes: 10 });
    await cache.get("a", null, answer("aaa"));
    await cache.get("b", null, answer("bbb"));
    await cache.get("a", null, answer("-")); // a used: b is now the oldest
    await cache.get("c", null, answer("ccc"));
    expect(cache.size).toEqual({ entries: 2, bytes: 6 });
    expect((await cache.get("a", null, answer("A"))).body).toBe("aaa");
    expect((await cache.get("b", null, answer("B"))).body).toBe("B"); // evicted, recomputed
    // bytes: 8 more bytes push out the older ones until 10 or fewer remain
    await cache.get("d", null, answer("dddddddd"));
    expect(cache.size.bytes).toBeLessThanOrEqual(10);
    expect((await cache.get("d", null, answer("D"))).body).toBe("dddddddd");
    // an answer bigger than the whole budget is served but not kept
    expect((await cache.get("big", null, answer("x".repeat(11)))).body).toHaveLength(11);
    expect((await cache.get("big", null, answer("small"))).body).toBe("small");
  });

  it("is off with maxAgeMs 0: nothing is ever served from it", async () => {
    const { cache, state, answer } = setup({ maxAgeMs: 0 });
    expect(cache.enabled).toBe(false);
    await cache.get("k", null, answer("a"));
    expect((await cache.get("k", null, answer("b"))).body).toBe("b");
    expect(state.computed).toBe(2);
  });

  it("forgets a session's write once no kept answer can be older than it", async () => {
    const { cache, state, answer } = setup();
    state.generation = 5;
    cache.noteWrite("s1");
    state.now = 3001;
    cache.noteWrite("s2"); // prunes s1
    // an answer computed at generation 0 would be refused to s1 if its write were remembered;
    // any such answer is older than 3 s by now, so forgetting changes nothing served
    state.generation = 0;
    await cache.get("k", "s1", answer("a"));
    expect((await cache.get("k", "s1", answer("b"))).body).toBe("a");
  });
});
