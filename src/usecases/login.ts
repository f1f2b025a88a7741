import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { createSession, deleteExpiredSessions } from "../db/repositories/sessionRepository.ts";
import { findUserById, findUserByUsername } from "../db/repositories/userRepository.ts";
import type { Database } from "../db/schema.ts";
import { errors } from "../errors.ts";
import { hashPassword, verifyPassword } from "./shared/passwords.ts";
import { z } from "./shared/zod.ts";

export const LoginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** How long a session lives (LOTRINH_SESSION_MAX_HOURS); the idle timeout is checked on each request. */
export function sessionLimits(config: Pick<Config, "sessionMaxHours">): { maxMs: number } {
  return { maxMs: config.sessionMaxHours * 3_600_000 };
}

// A hash to verify against when the user does not exist, so timing does not reveal user names.
const dummyHash = hashPassword("không-có-người-dùng-này");

export async function login(
  db: Kysely<Database>,
  input: LoginInput,
  now: Date,
  limits: { maxMs: number } = { maxMs: 12 * 3_600_000 },
) {
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash));
  if (!user || !ok) throw errors.invalidCredentials();
  if (!user.active) throw errors.accountDisabled();
  return db.transaction().execute(async (trx) => {
    await deleteExpiredSessions(trx, now);
    const session = await createSession(trx, user.id, limits.maxMs, now);
    await recordAudit(
      trx,
      { id: user.id, name: user.display_name, role: user.role, orgUnitId: user.org_unit_id },
      { action: "session.login", entity: "app_user", entityId: user.id },
    );
    const pub = await findUserById(trx, user.id);
    return { ...session, user: pub as NonNullable<typeof pub> };
  });
}
