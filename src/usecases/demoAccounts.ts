import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { type Actor, type Role, systemActor } from "../domain/roles.ts";
import { createUser } from "./createUser.ts";
import { generatePassword } from "./shared/passwords.ts";

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  unit: string | null;
}

const plan: { username: string; role: Role; displayName: string; unitAlias: string | null }[] = [
  { username: "demo.quantri", role: "admin", displayName: "Quản trị (tài khoản mẫu)", unitAlias: null },
  {
    username: "demo.dieuphoi",
    role: "coordinator",
    displayName: "Điều phối Sở GD&ĐT (tài khoản mẫu)",
    unitAlias: "Sở Giáo dục và Đào tạo",
  },
  {
    username: "demo.binhlu",
    role: "officer",
    displayName: "Cán bộ xã Bình Lư (tài khoản mẫu)",
    unitAlias: "Xã Bình Lư",
  },
  { username: "demo.lanhdao", role: "leader", displayName: "Lãnh đạo tỉnh (tài khoản mẫu)", unitAlias: null },
];

/**
 * Demo mode: (re)creates one sample account per role with fresh random passwords, returned once so
 * the caller can print them. Earlier demo accounts are removed first.
 */
export async function createDemoAccounts(db: Kysely<Database>, asOf: string): Promise<DemoAccount[]> {
  const actor: Actor = systemActor("Chế độ trình diễn");
  await removeDemoAccounts(db, actor);
  const out: DemoAccount[] = [];
  for (const p of plan) {
    let unitId: number | null = null;
    if (p.unitAlias) {
      const unit = await db
        .selectFrom("org_unit_alias as a")
        .innerJoin("org_unit as u", "u.id", "a.unit_id")
        .select(["u.id", "u.valid_from", "u.valid_to"])
        .where("a.alias", "=", p.unitAlias)
        .where((eb) => eb.or([eb("u.valid_from", "is", null), eb("u.valid_from", "<=", asOf)]))
        .where((eb) => eb.or([eb("u.valid_to", "is", null), eb("u.valid_to", ">", asOf)]))
        .executeTakeFirst();
      unitId = unit?.id ?? null;
    }
    const password = generatePassword();
    await createUser(
      db,
      actor,
      { username: p.username, displayName: p.displayName, password, role: p.role, orgUnitId: unitId },
      { isDemo: true },
    );
    out.push({ username: p.username, password, role: p.role, displayName: p.displayName, unit: p.unitAlias });
  }
  return out;
}

/** Outside demo mode no demo account may exist: they are deleted (their audit rows keep the name). */
export async function removeDemoAccounts(
  db: Kysely<Database>,
  actor: Actor = systemActor(),
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const demo = await trx
      .selectFrom("app_user")
      .select(["id", "username"])
      .where("is_demo", "=", true)
      .execute();
    if (demo.length === 0) return 0;
    await trx.deleteFrom("app_user").where("is_demo", "=", true).execute();
    await recordAudit(trx, actor, {
      action: "user.demo.remove",
      entity: "app_user",
      before: demo.map((d) => d.username),
    });
    return demo.length;
  });
}
