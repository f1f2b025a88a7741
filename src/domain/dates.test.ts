import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  endOfMonth,
  formatVnDate,
  isIsoDate,
  isoDate,
  todayIso,
  VN_TIME_ZONE,
  vnDateOf,
} from "./dates.ts";

describe("today in Vietnam (UTC+7) from the injected clock", () => {
  it("changes day at 17:00 UTC: 16:59:59 is still today, 23:30 UTC is already tomorrow", () => {
    expect(todayIso(new Date("2026-06-30T16:59:59Z"))).toBe("2026-06-30");
    expect(todayIso(new Date("2026-06-30T17:00:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(vnDateOf("2026-03-14T18:00:00Z")).toBe("2026-03-15");
  });

  it("the fixed +7 h arithmetic gives the day the Asia/Ho_Chi_Minh zone rules give", () => {
    const zone = new Intl.DateTimeFormat("en-CA", {
      timeZone: VN_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const from = Date.UTC(1976, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(todayIso(new Date(ms))).toBe(zone.format(new Date(ms)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("calendar dates", () => {
  it("real days only: no 31/4, no 29/2 outside leap years; day and month never swapped", () => {
    expect(isoDate(2026, 4, 31)).toBeNull();
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect(isoDate(2028, 2, 29)).toBe("2028-02-29");
    expect(isoDate(2026, 3, 5)).toBe("2026-03-05");
    expect(isIsoDate("2026-03-05")).toBe(true);
    expect(isIsoDate("2026-13-05")).toBe(false);
    expect(isIsoDate("2026-3-5")).toBe(false);
    expect(isIsoDate("05/03/2026")).toBe(false);
  });

  it("adds days across months, years and 29 February", () => {
    expect(addDays("2026-06-30", 1)).toBe("2026-07-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-07-01", -1)).toBe("2026-06-30");
    expect(endOfMonth(2026, 2)).toBe("2026-02-28");
    expect(endOfMonth(2028, 2)).toBe("2028-02-29");
    expect(endOfMonth(2026, 6)).toBe("2026-06-30");
  });

  it("writes dd/mm/yyyy: 05/03/2026 is the fifth of March", () => {
    expect(formatVnDate("2026-03-05")).toBe("05/03/2026");
    expect(formatVnDate("2027-05-31")).toBe("31/05/2027");
  });
});
