import type { Relation } from "../transitions.ts";
import { isCoordinating, type Policy, type PolicyActor } from "./actor.ts";
import { inScope } from "./scope.ts";

export interface BodyRef {
  role: "lead" | "support";
  unit_id: number | null;
}

/** How the actor takes part in a task: through a lead body in scope, a coordinating one, or not. */
export function reportingRole(actor: PolicyActor, bodies: readonly BodyRef[]): "lead" | "support" | null {
  if (actor.role !== "officer" || actor.scope.kind === "all") return null;
  const mine = bodies.filter((b) => inScope(actor.scope, b.unit_id));
  if (mine.some((b) => b.role === "lead")) return "lead";
  return mine.length > 0 ? "support" : null;
}

/**
 * Who the actor is to a task's occurrences, for the transition table (domain/transitions.ts): the
 * province's coordinators and administrators coordinate; officers of a lead body lead, of a
 * coordinating body support; everyone else only reads.
 */
export function relationTo(actor: PolicyActor, bodies: readonly BodyRef[]): Relation {
  if (isCoordinating(actor)) return "coordinator";
  return reportingRole(actor, bodies) ?? "viewer";
}

/*
 * A task (and its occurrences, updates, attachments) is seen by province-wide roles and by officers
 * whose scope holds one of its bodies. The lead body's officers report and propose completion,
 * coordinating bodies contribute updates; confirm, return, extend, pause, reassign and chase are the
 * province's coordinators' (and administrators').
 */
export type TaskAction = "read" | "report" | "propose" | "coordinate";

export const taskPolicy: Policy<TaskAction, { bodies: readonly BodyRef[] }> = {
  entity: "task",
  actions: ["read", "report", "propose", "coordinate"],
  can(actor, action, task) {
    switch (action) {
      case "read":
        return actor.scope.kind === "all" || task.bodies.some((b) => inScope(actor.scope, b.unit_id));
      case "report":
        return reportingRole(actor, task.bodies) !== null;
      case "propose":
        return reportingRole(actor, task.bodies) === "lead";
      case "coordinate":
        return isCoordinating(actor);
    }
  },
  reason: (action) =>
    ({
      read: "Nhiệm vụ này không thuộc đơn vị của bạn.",
      report: "Chỉ cán bộ của cơ quan chủ trì hoặc phối hợp được báo cáo tiến độ.",
      propose: "Chỉ cơ quan chủ trì được báo cáo hoàn thành; cơ quan phối hợp gửi phần việc của mình.",
      coordinate: "Chỉ điều phối viên được xác nhận, trả lại, gia hạn, giao lại hoặc đôn đốc nhiệm vụ.",
    })[action],
};
