import { describe, expect, it } from "vitest";
import { flagsOf, type PolicyActor } from "./actor.ts";
import { capabilitiesOf } from "./capabilities.ts";
import { documentPolicy } from "./document.ts";
import { catalogPolicy, figurePolicy } from "./figures.ts";
import { orgUnitPolicy } from "./orgUnit.ts";
import { policyActor, scopeRule } from "./role.ts";
import { EVERY_UNIT, inScope, NO_UNIT, officerScope, unitsScope, withinScope } from "./scope.ts";
import { targetPolicy } from "./target.ts";
import { reportingRole, taskPolicy } from "./task.ts";
import { auditPolicy, userPolicy } from "./user.ts";

/*
 * Role × action matrices. Units: 10 = a commune, 11 = a school under it, 20 = another commune.
 * "officer" is bound to commune 10 (scope 10, 11); "schoolOfficer" to school 11 (scope 11);
 * "stranger" holds a role the code does not know and must be refused everything.
 */
const COMMUNE = 10;
const SCHOOL = 11;
const OTHER = 20;
const actors: Record<string, PolicyActor> = {
  admin: { role: "admin", unitId: null, scope: EVERY_UNIT },
  coordinator: { role: "coordinator", unitId: null, scope: EVERY_UNIT },
  leader: { role: "leader", unitId: null, scope: EVERY_UNIT },
  officer: { role: "officer", unitId: COMMUNE, scope: unitsScope([COMMUNE, SCHOOL]) },
  schoolOfficer: { role: "officer", unitId: SCHOOL, scope: unitsScope([SCHOOL]) },
  otherOfficer: { role: "officer", unitId: OTHER, scope: unitsScope([OTHER]) },
  unbound: { role: "officer", unitId: null, scope: NO_UNIT },
  stranger: { role: "auditor", unitId: COMMUNE, scope: NO_UNIT },
};
const NAMES = Object.keys(actors);

/** Runs can() for every actor and checks the exact set of actors allowed. */
function allowed(check: (a: PolicyActor) => boolean): string[] {
  return NAMES.filter((n) => check(actors[n] as PolicyActor));
}

describe("scope", () => {
  it("is explicit: all, these units, or none — never null", () => {
    expect(inScope(EVERY_UNIT, 999)).toBe(true);
    expect(inScope(NO_UNIT, 999)).toBe(false);
    expect(inScope(unitsScope([1]), 1)).toBe(true);
    expect(inScope(unitsScope([1]), 2)).toBe(false);
    expect(inScope(EVERY_UNIT, null)).toBe(false);
    expect(withinScope(unitsScope([1]), [{ u: 1 }, { u: 2 }], (x) => x.u)).toEqual([{ u: 1 }]);
    expect(withinScope(EVERY_UNIT, [{ u: 1 }, { u: 2 }], (x) => x.u)).toHaveLength(2);
  });

  it("gives each role its rule; an unknown role and an unbound officer get nothing", () => {
    expect(scopeRule({ role: "admin", org_unit_id: null })).toEqual({ kind: "all" });
    expect(scopeRule({ role: "leader", org_unit_id: 5 })).toEqual({ kind: "all" });
    expect(scopeRule({ role: "coordinator", org_unit_id: null })).toEqual({ kind: "all" });
    expect(scopeRule({ role: "officer", org_unit_id: 5 })).toEqual({ kind: "subtree", rootId: 5 });
    expect(scopeRule({ role: "officer", org_unit_id: null })).toEqual({ kind: "nothing" });
    expect(scopeRule({ role: "auditor", org_unit_id: 5 })).toEqual({ kind: "nothing" });
    expect(scopeRule({ role: "", org_unit_id: null })).toEqual({ kind: "nothing" });
  });

  it("widens an officer's subtree by lineage, transitively, and only backwards", () => {
    const s = officerScope(
      [1, 2],
      [
        { from_id: 7, to_id: 1 },
        { from_id: 8, to_id: 7 },
        { from_id: 1, to_id: 9 },
      ],
    );
    expect(s.kind === "units" && [...s.ids].sort()).toEqual([1, 2, 7, 8]);
  });
});

describe("policies (role × action)", () => {
  it("documents: every known role reads; coordinators and admins import", () => {
    expect(allowed((a) => documentPolicy.can(a, "read", undefined))).toEqual(
      NAMES.filter((n) => n !== "stranger"),
    );
    expect(allowed((a) => documentPolicy.can(a, "import", undefined))).toEqual(["admin", "coordinator"]);
  });

  it("org units: the map for every known role; members within scope", () => {
    expect(allowed((a) => orgUnitPolicy.can(a, "read", undefined))).not.toContain("stranger");
    expect(allowed((a) => orgUnitPolicy.can(a, "read", undefined))).toHaveLength(NAMES.length - 1);
    expect(allowed((a) => orgUnitPolicy.can(a, "readMembers", { unitId: SCHOOL }))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
      "schoolOfficer",
    ]);
    expect(allowed((a) => orgUnitPolicy.can(a, "readMembers", { unitId: COMMUNE }))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
    ]);
  });

  it("users and the audit log: administrators only", () => {
    for (const action of userPolicy.actions)
      expect(
        allowed((a) => userPolicy.can(a, action, undefined)),
        action,
      ).toEqual(["admin"]);
    expect(allowed((a) => auditPolicy.can(a, "browse", undefined))).toEqual(["admin"]);
  });

  it("targets: read within scope; set, edit, delete by coordinators and admins", () => {
    expect(allowed((a) => targetPolicy.can(a, "read", { unitId: COMMUNE }))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
    ]);
    expect(allowed((a) => targetPolicy.can(a, "read", { unitId: OTHER }))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "otherOfficer",
    ]);
    expect(allowed((a) => targetPolicy.can(a, "read", undefined))).toEqual([]);
    for (const action of ["create", "edit", "delete"] as const)
      expect(
        allowed((a) => targetPolicy.can(a, action, undefined)),
        action,
      ).toEqual(["admin", "coordinator"]);
  });

  it("figures of a commune: read in scope, entered by its own officer, approved by coordinators", () => {
    const commune = { id: COMMUNE, kind: "commune" };
    expect(allowed((a) => figurePolicy.can(a, "read", commune))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
    ]);
    expect(allowed((a) => figurePolicy.can(a, "enter", commune))).toEqual(["officer"]);
    expect(allowed((a) => figurePolicy.can(a, "approve", commune))).toEqual(["admin", "coordinator"]);
    expect(allowed((a) => figurePolicy.can(a, "return", commune))).toEqual(["admin", "coordinator"]);
    expect(allowed((a) => figurePolicy.can(a, "reopen", commune))).toEqual(["admin"]);
  });

  it("figures of a school: its commune's officer reviews them, the school's own officer does not", () => {
    const school = { id: SCHOOL, kind: "school" };
    expect(allowed((a) => figurePolicy.can(a, "enter", school))).toEqual(["schoolOfficer"]);
    expect(allowed((a) => figurePolicy.can(a, "approve", school))).toEqual([
      "admin",
      "coordinator",
      "officer",
    ]);
    expect(allowed((a) => figurePolicy.can(a, "read", school))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
      "schoolOfficer",
    ]);
    // a commune's officer does not review another commune's school
    expect(figurePolicy.can(actors.otherOfficer as PolicyActor, "approve", school)).toBe(false);
    // nor a unit of kind "commune" as if it were a school
    expect(figurePolicy.can(actors.officer as PolicyActor, "approve", { id: SCHOOL, kind: "commune" })).toBe(
      false,
    );
  });

  it("catalogue: read by known roles, edited by admins, exchanged by coordinators and admins", () => {
    expect(allowed((a) => catalogPolicy.can(a, "read", undefined))).not.toContain("stranger");
    expect(allowed((a) => catalogPolicy.can(a, "edit", undefined))).toEqual(["admin"]);
    expect(allowed((a) => catalogPolicy.can(a, "exchange", undefined))).toEqual(["admin", "coordinator"]);
  });

  it("tasks: seen in scope; reported by lead and support bodies, proposed by the lead only", () => {
    const led = {
      bodies: [
        { role: "lead" as const, unit_id: COMMUNE },
        { role: "support" as const, unit_id: OTHER },
      ],
    };
    const unowned = { bodies: [{ role: "lead" as const, unit_id: null }] };
    expect(allowed((a) => taskPolicy.can(a, "read", led))).toEqual([
      "admin",
      "coordinator",
      "leader",
      "officer",
      "otherOfficer",
    ]);
    expect(allowed((a) => taskPolicy.can(a, "read", unowned))).toEqual(["admin", "coordinator", "leader"]);
    expect(allowed((a) => taskPolicy.can(a, "report", led))).toEqual(["officer", "otherOfficer"]);
    expect(allowed((a) => taskPolicy.can(a, "propose", led))).toEqual(["officer"]);
    expect(allowed((a) => taskPolicy.can(a, "coordinate", led))).toEqual(["admin", "coordinator"]);
    expect(reportingRole(actors.officer as PolicyActor, led.bodies)).toBe("lead");
    expect(reportingRole(actors.otherOfficer as PolicyActor, led.bodies)).toBe("support");
    expect(reportingRole(actors.schoolOfficer as PolicyActor, led.bodies)).toBeNull();
    expect(reportingRole(actors.coordinator as PolicyActor, led.bodies)).toBeNull();
  });

  it("every refusal has a Vietnamese reason", () => {
    for (const p of [
      documentPolicy,
      orgUnitPolicy,
      userPolicy,
      auditPolicy,
      targetPolicy,
      figurePolicy,
      catalogPolicy,
      taskPolicy,
    ])
      for (const action of p.actions as string[])
        expect((p.reason as (a: string) => string)(action)).toMatch(/\p{L}{2,}/u);
  });
});

describe("flags for the web", () => {
  it("are the policy's answers, per action", () => {
    const commune = { id: COMMUNE, kind: "commune" };
    expect(flagsOf(figurePolicy, actors.officer as PolicyActor, commune)).toEqual({
      read: true,
      enter: true,
      approve: false,
      return: false,
      reopen: false,
    });
    expect(
      flagsOf(targetPolicy, actors.leader as PolicyActor, { unitId: COMMUNE }, ["edit", "read"]),
    ).toEqual({
      edit: false,
      read: true,
    });
  });

  it("capabilities per role", () => {
    const admin = capabilitiesOf(actors.admin as PolicyActor);
    expect(admin).toMatchObject({
      manageUsers: true,
      browseAudit: true,
      editCatalog: true,
      managePublication: true,
      readAllUnits: true,
    });
    expect(capabilitiesOf(actors.coordinator as PolicyActor)).toMatchObject({
      manageUsers: false,
      managePublication: false,
      manageReportRounds: true,
      landing: "overview",
      importPlans: true,
      editTargets: true,
      coordinateTasks: true,
      enterFiguresFor: null,
    });
    expect(capabilitiesOf(actors.officer as PolicyActor)).toMatchObject({
      importPlans: false,
      manageReportRounds: false,
      landing: "myWork",
      readAllUnits: false,
      enterFiguresFor: COMMUNE,
    });
    const { landing, ...stranger } = capabilitiesOf(actors.stranger as PolicyActor);
    expect(Object.values(stranger).filter((v) => v !== false && v !== null)).toEqual([]);
    expect(landing).toBe("overview");
    expect(policyActor({ role: "leader", org_unit_id: null }, EVERY_UNIT).role).toBe("leader");
  });
});
