import { describe, expect, it } from "vitest";
import { ceasedOn, isSharedSet, membershipDate, parentFromShares, shareProgress } from "./bodySets.ts";
import { clockOf, countAsOf, timelinessOf } from "./status.ts";

const share = (
  state: "not_started" | "in_progress" | "awaiting_confirmation" | "done" | "paused",
  extra = {},
) => ({
  state,
  percent: 0,
  completedOn: null as string | null,
  ...extra,
});

function derive(shares: Parameters<typeof parentFromShares>[0]) {
  const parent = parentFromShares(shares);
  if (!parent) throw new Error("no parent");
  return parent;
}

describe("parentFromShares", () => {
  it("is done only when every share is done, on the day the last one was", () => {
    const all = [share("done", { completedOn: "2026-03-10" }), share("done", { completedOn: "2026-04-02" })];
    expect(parentFromShares(all)).toEqual({ state: "done", percent: 100, completedOn: "2026-04-02" });
    const oneOpen = [
      share("done", { completedOn: "2026-03-10" }),
      share("awaiting_confirmation", { percent: 100 }),
    ];
    expect(parentFromShares(oneOpen)?.state).toBe("in_progress");
    expect(parentFromShares(oneOpen)?.completedOn).toBeNull();
  });

  it("is late when the last share was completed after the deadline, on time when on it", () => {
    const due = "2026-03-31";
    const onTime = derive([
      share("done", { completedOn: "2026-03-01" }),
      share("done", { completedOn: "2026-03-31" }),
    ]);
    const late = derive([
      share("done", { completedOn: "2026-03-01" }),
      share("done", { completedOn: "2026-04-01" }),
    ]);
    expect(timelinessOf({ ...onTime, due }, clockOf("2026-05-01"))).toBe("done_on_time");
    expect(timelinessOf({ ...late, due }, clockOf("2026-05-01"))).toBe("done_late");
  });

  it("is overdue after the deadline while any share is open, and counts once", () => {
    const shares = [...Array(37)].map(() => share("done", { completedOn: "2026-03-01" }));
    shares.push(share("in_progress", { percent: 50 }));
    const parent = derive(shares);
    const due = "2026-03-31";
    expect(timelinessOf({ ...parent, due }, clockOf("2026-03-31"))).toBe("due_soon");
    expect(timelinessOf({ ...parent, due }, clockOf("2026-04-01"))).toBe("overdue");
    expect(countAsOf([{ ...parent, due, confirmedOn: null }], "2026-04-01")).toMatchObject({
      overdue: 1,
      done: 0,
    });
    expect(shareProgress(shares)).toEqual({ done: 37, total: 38 });
    expect(parent.percent).toBe(Math.round((37 * 100 + 50) / 38));
  });

  it("is paused when every open share is paused, not started when none has begun", () => {
    expect(parentFromShares([share("paused"), share("done", { completedOn: "2026-01-01" })])?.state).toBe(
      "paused",
    );
    expect(parentFromShares([share("paused"), share("not_started")])?.state).toBe("not_started");
    expect(parentFromShares([share("not_started"), share("not_started")])?.state).toBe("not_started");
    expect(parentFromShares([share("not_started"), share("in_progress")])?.state).toBe("in_progress");
    expect(parentFromShares([])).toBeNull();
  });
});

describe("membershipDate", () => {
  const today = "2026-11-30";
  it("takes the date of issue, else the month and year of the date line, else the period", () => {
    expect(membershipDate({ issuedOn: "2026-03-23", dateText: null, periodFrom: 2026 }, today)).toBe(
      "2026-03-23",
    );
    expect(
      membershipDate({ issuedOn: null, dateText: "ngày tháng 6 năm 2026", periodFrom: 2026 }, today),
    ).toBe("2026-06-01");
    expect(membershipDate({ issuedOn: null, dateText: "ngày tháng năm 2025", periodFrom: null }, today)).toBe(
      "2025-01-01",
    );
    expect(membershipDate({ issuedOn: null, dateText: null, periodFrom: 2027 }, today)).toBe("2027-01-01");
    expect(membershipDate({ issuedOn: null, dateText: null, periodFrom: null }, today)).toBe(today);
  });
});

describe("sets and validity", () => {
  it("shares out communes, schools and villages, never related or other", () => {
    expect(["communes", "schools", "villages"].every(isSharedSet)).toBe(true);
    expect(isSharedSet("related")).toBe(false);
    expect(isSharedSet("other")).toBe(false);
    expect(isSharedSet(null)).toBe(false);
  });
  it("a body has ceased from its last day on, not before", () => {
    expect(ceasedOn({ validTo: "2025-07-01" }, "2025-06-30")).toBe(false);
    expect(ceasedOn({ validTo: "2025-07-01" }, "2025-07-01")).toBe(true);
    expect(ceasedOn({ validTo: null }, "2030-01-01")).toBe(false);
  });
});
