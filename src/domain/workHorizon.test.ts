import { describe, expect, it } from "vitest";
import { clockOf, timelinessOf } from "./status.ts";
import { type HorizonRow, horizonsOf } from "./workHorizon.ts";

/** A yearly task of 2026–2030, due 31/12 each year, none done, seen on the given day. */
function yearly(today: string, taskId = 1, shareUnit: number | null = null): HorizonRow[] {
  return [2026, 2027, 2028, 2029, 2030].map((y, i) => ({
    id: taskId * 100 + i,
    task_id: taskId,
    share_unit_id: shareUnit,
    due_on: `${y}-12-31`,
    period_year: y,
    timeliness: timelinessOf({ state: "not_started", due: `${y}-12-31`, completedOn: null }, clockOf(today)),
  }));
}

const named = (rows: HorizonRow[], h: Map<number, string>) =>
  Object.fromEntries(rows.map((r) => [(r.due_on as string).slice(0, 4), h.get(r.id)]));

describe("what is due now and next", () => {
  it("on the due day itself this year's occurrence is now, next year's next, the rest later", () => {
    const rows = yearly("2026-12-31");
    expect(named(rows, horizonsOf(rows, "2026-12-31"))).toEqual({
      "2026": "now",
      "2027": "next",
      "2028": "later",
      "2029": "later",
      "2030": "later",
    });
  });

  it("the day after, this year's is overdue and still now; next year's becomes now too", () => {
    const rows = yearly("2027-01-01");
    expect(named(rows, horizonsOf(rows, "2027-01-01"))).toEqual({
      "2026": "now",
      "2027": "now",
      "2028": "next",
      "2029": "later",
      "2030": "later",
    });
  });

  it("each member's share of a set's task is followed on its own; work waiting on a document is now", async () => {
    const a = yearly("2026-03-01", 1, 10);
    const b = yearly("2026-03-01", 1, 11);
    const waiting: HorizonRow = {
      id: 900,
      task_id: 2,
      share_unit_id: null,
      due_on: null,
      period_year: null,
      timeliness: "no_deadline",
    };
    const h = horizonsOf([...a, ...b, waiting], "2026-03-01");
    expect(h.get(a[0]?.id ?? 0)).toBe("now");
    expect(h.get(b[0]?.id ?? 0)).toBe("now");
    expect(h.get(b[1]?.id ?? 0)).toBe("next");
    expect(h.get(b[2]?.id ?? 0)).toBe("later");
    expect(h.get(900)).toBe("now");
  });

  it("continuous work: this year's is now until 31/12, next year's next; a past year's left open stays now", () => {
    const continuous = (today: string) =>
      [2026, 2027, 2028].map((y, i) => ({
        id: i + 1,
        task_id: 3,
        share_unit_id: null,
        due_on: null,
        period_year: y,
        timeliness: timelinessOf({ state: "in_progress", due: null, completedOn: null }, clockOf(today)),
      }));
    const onLastDay = continuous("2026-12-31");
    expect([...horizonsOf(onLastDay, "2026-12-31").values()]).toEqual(["now", "next", "later"]);
    const dayAfter = continuous("2027-01-01");
    const h = horizonsOf(dayAfter, "2027-01-01");
    expect([h.get(1), h.get(2), h.get(3)]).toEqual(["now", "now", "next"]);
  });
});
