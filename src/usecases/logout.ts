import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { forgetSession } from "../db/repositories/sessionCache.ts";
import { deleteSession } from "../db/repositories/sessionRepository.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";

export async function logout(db: Kysely<Database>, actor: Actor, token: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, token);
    await recordAudit(trx, actor, { action: "session.logout", entity: "app_user", entityId: actor.id });
  });
  // after the commit: a request that read the session just before cannot keep it alive in memory
  forgetSession(token);
}
