import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { findUserById } from "../db/repositories/userRepository.ts";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import { type Actor, ROLES } from "../domain/roles.ts";
import { AppError, errors } from "../errors.ts";
import { assertUnitsActive } from "./shared/activeUnits.ts";
import { hashPassword, passwordProblem } from "./shared/passwords.ts";
import { emailInput, emailOf, z } from "./shared/zod.ts";

export const CreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._-]{3,40}$/, "Tên đăng nhập gồm 3–40 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang"),
  displayName: z.string().trim().min(1).max(120),
  password: z.string(),
  role: z.enum(ROLES),
  orgUnitId: z.number().int().positive().nullable().default(null),
  email: emailInput.optional(),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  raw: CreateUserInput,
  opts: { isDemo?: boolean } = {},
) {
  const input = CreateUserInput.parse(raw);
  const problem = passwordProblem(input.password, [input.username, input.displayName]);
  if (problem) throw new AppError("PASSWORD_WEAK", problem);
  if (input.role === "officer" && input.orgUnitId === null) {
    throw errors.validation("Cán bộ đơn vị phải gắn với một đơn vị.");
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (input.orgUnitId !== null) {
      const unit = await trx
        .selectFrom("org_unit")
        .select("id")
        .where("id", "=", input.orgUnitId)
        .executeTakeFirst();
      if (!unit) throw errors.validation("Đơn vị được chọn không tồn tại.");
      await assertUnitsActive(trx, [input.orgUnitId], todayIso(new Date()));
    }
    const taken = await trx
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", input.username)
      .executeTakeFirst();
    if (taken) throw errors.duplicate(`Tên đăng nhập "${input.username}" đã có người dùng.`);
    const { id } = await trx
      .insertInto("app_user")
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        org_unit_id: input.orgUnitId,
        email: emailOf(input.email),
        is_demo: opts.isDemo ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const user = await findUserById(trx, id);
    await recordAudit(trx, actor, { action: "user.create", entity: "app_user", entityId: id, after: user });
    return user as NonNullable<typeof user>;
  });
}
