import type { PublicUser } from "../../db/repositories/userRepository.ts";
import type { Relation } from "../../domain/transitions.ts";
import { errors } from "../../errors.ts";

export interface BodyRef {
  role: "lead" | "support";
  unit_id: number | null;
}

/** Officers see a task when a body in their scope leads or coordinates it; other roles see all. */
export function assertCanSeeTask(scope: Set<number> | null, bodies: BodyRef[]): void {
  if (scope === null) return;
  if (!bodies.some((b) => b.unit_id !== null && scope.has(b.unit_id))) {
    throw errors.forbidden("Nhiệm vụ này không thuộc đơn vị của bạn.");
  }
}

/** Reassigning a task's lead bodies: the province's coordinators (and administrators). Occurrence actions ask relationTo and the transition table. */
export function assertIsCoordinator(user: PublicUser): void {
  if (user.role !== "coordinator" && user.role !== "admin") {
    throw errors.forbidden(
      "Chỉ điều phối viên được xác nhận, trả lại, gia hạn, giao lại hoặc đôn đốc nhiệm vụ.",
    );
  }
}

/**
 * Who the user is to a task's occurrences, for the transition table (domain/transitions.ts): province
 * coordinators and administrators coordinate; officers of a lead body lead, of a coordinating body
 * support; everyone else only reads.
 */
export function relationTo(user: PublicUser, scope: Set<number> | null, bodies: BodyRef[]): Relation {
  if (user.role === "coordinator" || user.role === "admin") return "coordinator";
  if (user.role !== "officer" || scope === null) return "viewer";
  const mine = bodies.filter((b) => b.unit_id !== null && scope.has(b.unit_id));
  if (mine.some((b) => b.role === "lead")) return "lead";
  return mine.length > 0 ? "support" : "viewer";
}
