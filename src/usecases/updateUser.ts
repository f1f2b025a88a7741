import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { forgetSessionsOfUser } from "../db/repositories/sessionCache.ts";
import { deleteSessionsOfUser } from "../db/repositories/sessionRepository.ts";
import { countAdmins, findUserById } from "../db/repositories/userRepository.ts";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import { type Actor, ROLES } from "../domain/roles.ts";
import { AppError, errors } from "../errors.ts";
import { assertUnitsActive } from "./shared/activeUnits.ts";
import { hashPassword, passwordProblem } from "./shared/passwords.ts";
import { emailInput, emailOf, z } from "./shared/zod.ts";

export const UpdateUserInput = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.number().int().positive().nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().optional(),
  email: emailInput.optional(),
});
export type UpdateUserInput = z.input<typeof UpdateUserInput>;

/** Changes an account; refuses a stale version so two admins never overwrite each other. */
export async function updateUser(db: Kysely<Database>, actor: Actor, id: number, raw: UpdateUserInput) {
  const input = UpdateUserInput.parse(raw);
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) throw new AppError("PASSWORD_WEAK", problem);
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const changed = await db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, id);
    if (!before) throw errors.notFound("người dùng");
    if (before.version !== input.version) throw errors.conflict("Tài khoản này");
    const role = input.role ?? before.role;
    const orgUnitId = input.orgUnitId === undefined ? before.org_unit_id : input.orgUnitId;
    if (role === "officer" && orgUnitId === null)
      throw errors.validation("Cán bộ đơn vị phải gắn với một đơn vị.");
    if (orgUnitId !== null && orgUnitId !== before.org_unit_id)
      await assertUnitsActive(trx, [orgUnitId], todayIso(new Date()));
    const losesAdmin = before.role === "admin" && (role !== "admin" || input.active === false);
    if (losesAdmin && (await countAdmins(trx)) <= 1) {
      throw errors.validation("Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng.");
    }
    const updated = await trx
      .updateTable("app_user")
      .set({
        display_name: input.displayName ?? before.display_name,
        role,
        org_unit_id: orgUnitId,
        active: input.active ?? before.active,
        email: input.email === undefined ? before.email : emailOf(input.email),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        version: before.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw errors.conflict("Tài khoản này");
    if (input.active === false || passwordHash || role !== before.role) await deleteSessionsOfUser(trx, id);
    const after = await findUserById(trx, id);
    await recordAudit(trx, actor, {
      action: passwordHash ? "user.update+password" : "user.update",
      entity: "app_user",
      entityId: id,
      before,
      after,
    });
    return after as NonNullable<typeof after>;
  });
  // sessions in memory carry the account as it was: forgotten once the change is committed
  forgetSessionsOfUser(id);
  return changed;
}
