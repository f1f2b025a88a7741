import type { Kysely } from "kysely";
import type { Database, UserRow } from "../schema.ts";

export type PublicUser = Omit<UserRow, "password_hash">;

export const publicUserColumns = [
  "app_user.id",
  "app_user.username",
  "app_user.display_name",
  "app_user.role",
  "app_user.org_unit_id",
  "app_user.email",
  "app_user.is_demo",
  "app_user.active",
  "app_user.created_at",
  "app_user.version",
] as const;

export function findUserByUsername(db: Kysely<Database>, username: string) {
  return db
    .selectFrom("app_user")
    .selectAll()
    .where("username", "=", username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Kysely<Database>, id: number) {
  return db.selectFrom("app_user").select(publicUserColumns).where("id", "=", id).executeTakeFirst();
}

export function listUsers(db: Kysely<Database>, unitIds?: number[]) {
  let q = db
    .selectFrom("app_user")
    .leftJoin("org_unit", "org_unit.id", "app_user.org_unit_id")
    .select([...publicUserColumns, "org_unit.full_name as unit_name"]);
  if (unitIds) {
    if (unitIds.length === 0) return Promise.resolve([]);
    q = q.where("app_user.org_unit_id", "in", unitIds);
  }
  return q.orderBy("app_user.username").execute();
}

export function countAdmins(db: Kysely<Database>) {
  return db
    .selectFrom("app_user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("active", "=", true)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}
