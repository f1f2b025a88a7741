import { describe, expect, it } from "vitest";
import { digestHeading, digestSubject, topicOf } from "./digestText.ts";

describe("the daily digest's words by kind", () => {
  it("names tasks, reports and figures each by its own word", () => {
    expect(["overdue", "due_soon", "propose_done", "chase", "set_due"].map(topicOf)).toEqual(
      Array(5).fill("task"),
    );
    expect(["report.asked", "report_chase", "report_overdue", "report_due_soon"].map(topicOf)).toEqual(
      Array(4).fill("report"),
    );
    expect(["figures.submitted", "figures.returned"].map(topicOf)).toEqual(["figures", "figures"]);
  });

  it("a digest of tasks only speaks of nhiệm vụ", () => {
    expect(digestHeading(["overdue", "due_soon"])).toBe(
      "Lộ Trình có 2 thông báo mới về nhiệm vụ của đơn vị:",
    );
    expect(digestSubject(["overdue", "due_soon"], "01/07/2026")).toBe(
      "[Lộ Trình] 2 nhiệm vụ cần chú ý — 01/07/2026",
    );
  });

  it("reports and figures are not called nhiệm vụ", () => {
    expect(digestHeading(["report_overdue"])).toBe("Lộ Trình có 1 thông báo mới về báo cáo của đơn vị:");
    expect(digestSubject(["figures.returned", "figures.approved"], "02/07/2026")).toBe(
      "[Lộ Trình] 2 số liệu cần chú ý — 02/07/2026",
    );
    expect(digestHeading(["figures.returned", "overdue", "report.asked"])).toBe(
      "Lộ Trình có 3 thông báo mới về nhiệm vụ, báo cáo và số liệu của đơn vị:",
    );
    expect(digestSubject(["report.asked", "overdue", "overdue"], "03/07/2026")).toBe(
      "[Lộ Trình] 2 nhiệm vụ, 1 báo cáo cần chú ý — 03/07/2026",
    );
  });
});
