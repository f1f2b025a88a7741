import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { errors } from "../../errors.ts";

/** Targets are set by the province's coordinators (UBND office, the education department) and admins. */
export function assertCanEditTargets(user: PublicUser): void {
  if (user.role !== "coordinator" && user.role !== "admin")
    throw errors.forbidden("Chỉ điều phối viên và quản trị viên được đặt, sửa mục tiêu.");
}
