import type { PublicUser } from "../../db/repositories/userRepository.ts";
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

/** Who may report on an occurrence: the lead body's officers report, coordinating bodies contribute. */
export function reportingRole(
  user: PublicUser,
  scope: Set<number> | null,
  bodies: BodyRef[],
): "lead" | "support" {
  if (user.role !== "officer" || scope === null) {
    throw errors.forbidden("Chỉ cán bộ của cơ quan chủ trì hoặc phối hợp được báo cáo tiến độ.");
  }
  const mine = bodies.filter((b) => b.unit_id !== null && scope.has(b.unit_id));
  if (mine.some((b) => b.role === "lead")) return "lead";
  if (mine.length > 0) return "support";
  throw errors.forbidden("Nhiệm vụ này không thuộc đơn vị của bạn.");
}

export function assertIsLead(user: PublicUser, scope: Set<number> | null, bodies: BodyRef[]): void {
  if (reportingRole(user, scope, bodies) !== "lead") {
    throw errors.forbidden(
      "Chỉ cơ quan chủ trì được báo cáo hoàn thành; cơ quan phối hợp gửi phần việc của mình.",
    );
  }
}

/** Confirm, return, extend, pause, reassign, chase: the province's coordinators (and administrators). */
export function assertIsCoordinator(user: PublicUser): void {
  if (user.role !== "coordinator" && user.role !== "admin") {
    throw errors.forbidden(
      "Chỉ điều phối viên được xác nhận, trả lại, gia hạn, giao lại hoặc đôn đốc nhiệm vụ.",
    );
  }
}
