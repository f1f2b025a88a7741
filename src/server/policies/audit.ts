import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { errors } from "../../errors.ts";

export function assertCanBrowseAudit(user: PublicUser): void {
  if (user.role !== "admin") throw errors.forbidden("Chỉ quản trị hệ thống được xem nhật ký thay đổi.");
}
