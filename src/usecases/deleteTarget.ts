import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";

/** Stops following a target (the figures stay); version checked, audited with what was removed. */
export async function deleteTarget(db: Kysely<Database>, actor: Actor, id: number, version: number) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("indicator_target")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) throw errors.notFound("mục tiêu");
    if (before.version !== version) throw errors.conflict("Mục tiêu này");
    const result = await trx
      .deleteFrom("indicator_target")
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    expectOneRow(result, "Mục tiêu này");
    await recordAudit(trx, actor, {
      action: "target.delete",
      entity: "indicator_target",
      entityId: id,
      before,
    });
    return { id };
  });
}
