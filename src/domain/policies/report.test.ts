import { describe, expect, it } from "vitest";
import { reportPolicy, roleOnly } from "./report.ts";

const units = (...ids: number[]) => ({ kind: "units" as const, ids: new Set(ids) });

describe("reportPolicy", () => {
  it("coordinators and administrators manage rounds; officers and leaders do not", () => {
    expect(reportPolicy.can(roleOnly("coordinator"), "manage", undefined)).toBe(true);
    expect(reportPolicy.can(roleOnly("admin"), "manage", undefined)).toBe(true);
    expect(reportPolicy.can(roleOnly("leader"), "manage", undefined)).toBe(false);
    expect(reportPolicy.can({ role: "officer", unitId: 5, scope: units(5) }, "manage", undefined)).toBe(
      false,
    );
  });
  it("an officer writes the report of a unit in their scope, and no other", () => {
    const officer = { role: "officer", unitId: 5, scope: units(5, 6) };
    expect(reportPolicy.can(officer, "write", { unitId: 6 })).toBe(true);
    expect(reportPolicy.can(officer, "write", { unitId: 7 })).toBe(false);
    expect(reportPolicy.can(officer, "write", undefined)).toBe(false);
    expect(reportPolicy.can(roleOnly("coordinator"), "write", { unitId: 6 })).toBe(false);
    expect(reportPolicy.can(roleOnly("stranger"), "manage", undefined)).toBe(false);
  });
});
