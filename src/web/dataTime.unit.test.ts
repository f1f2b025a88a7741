import { describe, expect, it } from "vitest";
import { answerTime, computedAtOf, shareKeepingTime, stampAnswer } from "./dataTime.ts";
import { formatTime } from "./format.ts";

/** An instant given as the clock read in Vietnam on 01/12/2026. */
const vn = (hms: string) => Date.parse(`2026-12-01T${hms}+07:00`);
const shown = (arrival: string, age: string | null | undefined) => formatTime(computedAtOf(vn(arrival), age));

describe("Số liệu lúc: when an answer was computed", () => {
  it("is the arrival less the Age header's seconds", () => {
    expect(shown("08:41:10", "3")).toBe("08:41:07");
    expect(shown("08:41:10", " 3 ")).toBe("08:41:07");
  });

  it("is the arrival itself with no Age header, or Age 0", () => {
    expect(shown("08:41:10", null)).toBe("08:41:10");
    expect(shown("08:41:10", undefined)).toBe("08:41:10");
    expect(shown("08:41:10", "")).toBe("08:41:10");
    expect(shown("08:41:10", "0")).toBe("08:41:10");
  });

  it("ignores an Age that is not whole non-negative seconds", () => {
    for (const age of ["abc", "-5", "-0", "3.5", "1e3", "3s", "0x10"])
      expect(shown("08:41:10", age), age).toBe("08:41:10");
  });

  it("either side of a boundary: Age 0 and 1, Age 10 and 11 across a minute", () => {
    expect(shown("08:41:10", "0")).toBe("08:41:10");
    expect(shown("08:41:10", "1")).toBe("08:41:09");
    expect(shown("08:41:10", "10")).toBe("08:41:00");
    expect(shown("08:41:10", "11")).toBe("08:40:59");
  });

  it("is a 24-hour Vietnamese clock, across midnight and noon", () => {
    expect(shown("00:00:01", "1")).toBe("00:00:00");
    expect(shown("00:00:01", "2")).toBe("23:59:59");
    expect(shown("13:00:00", "0")).toBe("13:00:00");
    // 23:30 UTC is already 06:30 the next morning in Vietnam
    expect(formatTime(new Date("2026-12-01T23:30:05Z"))).toBe("06:30:05");
  });
});

describe("the answer's time travels with it", () => {
  it("is read back from the answer object, and from nothing else", () => {
    const data = { rows: [1, 2] };
    stampAnswer(data, vn("08:41:07"));
    expect(answerTime(data)).toBe(vn("08:41:07"));
    expect(answerTime({ rows: [1, 2] })).toBeUndefined();
    expect(answerTime(null)).toBeUndefined();
    expect(answerTime(undefined)).toBeUndefined();
  });

  it("survives TanStack Query's structural sharing with the newer answer's time", () => {
    const old = { total: 2, rows: [{ id: 1 }, { id: 2 }] };
    stampAnswer(old, vn("08:41:07"));
    // refetched, equal: the old object stays on screen, with the new time
    const same = { total: 2, rows: [{ id: 1 }, { id: 2 }] };
    stampAnswer(same, vn("08:41:40"));
    const kept = shareKeepingTime(old, same);
    expect(kept).toBe(old);
    expect(answerTime(kept)).toBe(vn("08:41:40"));
    // refetched, partly changed: a new copy, with the new time
    const changed = { total: 3, rows: [{ id: 1 }, { id: 2 }, { id: 3 }] };
    stampAnswer(changed, vn("08:42:15"));
    const copy = shareKeepingTime(kept, changed);
    expect(copy).toEqual(changed);
    expect(answerTime(copy)).toBe(vn("08:42:15"));
    // the first answer
    const first = { total: 1 };
    stampAnswer(first, vn("08:40:00"));
    expect(answerTime(shareKeepingTime(undefined, first))).toBe(vn("08:40:00"));
  });
});
