import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { errors } from "../../errors.ts";

/** Plans are imported by the province's coordinators and administrators. */
export function assertCanImportPlans(user: PublicUser): void {
  if (user.role !== "admin" && user.role !== "coordinator") {
    throw errors.forbidden("Chỉ điều phối viên cấp tỉnh và quản trị viên được nhập văn bản kế hoạch.");
  }
}

/*
 * Plans, their tasks and targets are the province's shared work programme: every signed-in user
 * may read them. Progress reports and figures on them (later issues) are scoped per unit.
 */
