import { describe, expect, it } from "vitest";
import {
  type AsOfItem,
  clockOf,
  completionRate,
  countAsOf,
  dueAsOf,
  leadsAsOf,
  timelinessAsOf,
  timelinessOf,
} from "./status.ts";

const open = (due: string | null) => ({ state: "in_progress" as const, due, completedOn: null });

describe("timeliness (DOMAIN.md §4), on both sides of every boundary", () => {
  const clock = clockOf("2026-07-01", 7); // due soon up to 08/07/2026

  it("due today is not overdue; due yesterday is", () => {
    expect(timelinessOf(open("2026-07-01"), clock)).toBe("due_soon");
    expect(timelinessOf(open("2026-06-30"), clock)).toBe("overdue");
  });

  it("due soon up to and including the last day of the window; in time the day after", () => {
    expect(timelinessOf(open("2026-07-08"), clock)).toBe("due_soon");
    expect(timelinessOf(open("2026-07-09"), clock)).toBe("in_time");
    expect(timelinessOf(open("2026-07-05"), clockOf("2026-07-01", 3))).toBe("in_time");
    expect(timelinessOf(open("2026-07-04"), clockOf("2026-07-01", 3))).toBe("due_soon");
  });

  it("no deadline; and every open state is judged alike (paused and awaiting confirmation too)", () => {
    expect(timelinessOf(open(null), clock)).toBe("no_deadline");
    for (const state of ["not_started", "awaiting_confirmation", "paused"] as const)
      expect(timelinessOf({ state, due: "2026-06-30", completedOn: null }, clock)).toBe("overdue");
  });

  it("done on the due day is on time; the day after is late; without a date it is just done", () => {
    const done = (due: string | null, completedOn: string | null) => ({
      state: "done" as const,
      due,
      completedOn,
    });
    expect(timelinessOf(done("2026-06-30", "2026-06-30"), clock)).toBe("done_on_time");
    expect(timelinessOf(done("2026-06-30", "2026-07-01"), clock)).toBe("done_late");
    expect(timelinessOf(done(null, "2026-07-01"), clock)).toBe("done");
    expect(timelinessOf(done("2026-06-30", null), clock)).toBe("done");
  });
});

describe("as of a past day: history stays history", () => {
  it("a later extension does not rewrite an earlier day", () => {
    // due 30/06/2026, extended on 05/07/2026 to 30/09/2026, then on 01/09/2026 to 31/12/2026
    const changes = [
      { onDate: "2026-07-05", dueBefore: "2026-06-30" },
      { onDate: "2026-09-01", dueBefore: "2026-09-30" },
    ];
    expect(dueAsOf("2026-12-31", changes, "2026-07-04")).toBe("2026-06-30");
    expect(dueAsOf("2026-12-31", changes, "2026-07-05")).toBe("2026-09-30");
    expect(dueAsOf("2026-12-31", changes, "2026-08-31")).toBe("2026-09-30");
    expect(dueAsOf("2026-12-31", changes, "2026-09-01")).toBe("2026-12-31");
    // a date set for a pending item: before it, there was none
    expect(dueAsOf("2026-10-31", [{ onDate: "2026-08-01", dueBefore: null }], "2026-07-31")).toBeNull();
  });

  it("lead bodies as they were on the day", () => {
    const changes = [{ onDate: "2026-07-10", before: [1, 2] }];
    expect(leadsAsOf([3], changes, "2026-07-09")).toEqual([1, 2]);
    expect(leadsAsOf([3], changes, "2026-07-10")).toEqual([3]);
  });

  it("done only once confirmed; on time or late by the day it was reported", () => {
    const item: AsOfItem = { due: "2026-06-30", confirmedOn: "2026-07-03", completedOn: "2026-06-29" };
    expect(timelinessAsOf(item, "2026-07-02")).toBe("overdue");
    expect(timelinessAsOf(item, "2026-07-03")).toBe("done_on_time");
    expect(timelinessAsOf({ ...item, completedOn: "2026-07-01" }, "2026-07-03")).toBe("done_late");
    expect(timelinessAsOf({ ...item, confirmedOn: null }, "2026-06-30")).toBe("due_soon");
  });

  it("counts completed ÷ (completed + unfinished overdue), leaving work within its deadline out", () => {
    const asOf = "2026-07-01";
    const items: AsOfItem[] = [
      { due: "2026-06-30", confirmedOn: "2026-06-21", completedOn: "2026-06-20" },
      { due: "2026-03-31", confirmedOn: "2026-04-12", completedOn: "2026-04-10" },
      { due: "2026-06-30", confirmedOn: null, completedOn: null },
      { due: "2026-07-01", confirmedOn: null, completedOn: null },
      { due: "2026-12-31", confirmedOn: null, completedOn: null },
      { due: null, confirmedOn: null, completedOn: null },
      { due: "2026-09-30", confirmedOn: "2026-08-02", completedOn: "2026-08-01" },
    ];
    const c = countAsOf(items, asOf);
    expect(c).toEqual({ done: 2, doneOnTime: 1, doneLate: 1, overdue: 1, inTime: 3, noDeadline: 1 });
    expect(completionRate(c)).toBeCloseTo(2 / 3);
    expect(completionRate({ done: 0, overdue: 0 })).toBeNull();
  });
});
