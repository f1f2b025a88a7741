import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { errors } from "../../errors.ts";

export function assertCanManageUsers(user: PublicUser): void {
  if (user.role !== "admin") throw errors.forbidden("Chỉ quản trị hệ thống được quản lý tài khoản.");
}
