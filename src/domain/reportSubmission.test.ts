import { describe, expect, it } from "vitest";
import { canDo, isLate, nextStatus } from "./reportSubmission.ts";

describe("report submission transitions", () => {
  it("a body drafts and submits from pending, draft or returned — never once submitted or accepted", () => {
    for (const s of ["pending", "draft", "returned"] as const) expect(canDo("submit", s)).toBe(true);
    expect(canDo("submit", "submitted")).toBe(false);
    expect(canDo("submit", "accepted")).toBe(false);
    expect(canDo("draft", "accepted")).toBe(false);
  });
  it("only a submitted report is returned or accepted", () => {
    expect(canDo("accept", "submitted")).toBe(true);
    expect(canDo("accept", "pending")).toBe(false);
    expect(canDo("return", "submitted")).toBe(true);
    expect(canDo("return", "accepted")).toBe(false);
    expect(nextStatus("return")).toBe("returned");
  });
  it("late: after the due date, not on it", () => {
    expect(isLate({ status: "submitted", submittedOn: "2026-06-25" }, "2026-06-25", "2026-07-01")).toBe(
      false,
    );
    expect(isLate({ status: "submitted", submittedOn: "2026-06-26" }, "2026-06-25", "2026-07-01")).toBe(true);
    expect(isLate({ status: "pending", submittedOn: null }, "2026-06-25", "2026-06-25")).toBe(false);
    expect(isLate({ status: "pending", submittedOn: null }, "2026-06-25", "2026-06-26")).toBe(true);
  });
});
