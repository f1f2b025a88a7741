import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { forgetSessionsOfUser } from "../db/repositories/sessionCache.ts";
import { findUserById } from "../db/repositories/userRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { emailInput, emailOf, z } from "./shared/zod.ts";

export const OwnAccountInput = z.object({
  version: z.number().int().positive(),
  email: emailInput,
});

/** "Tài khoản của tôi": a signed-in person sets the e-mail address their daily digest goes to. */
export async function updateOwnAccount(
  db: Kysely<Database>,
  actor: Actor,
  userId: number,
  raw: z.input<typeof OwnAccountInput>,
) {
  const input = OwnAccountInput.parse(raw);
  const changed = await db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId);
    if (!before) throw errors.notFound("người dùng");
    expectOneRow(
      await trx
        .updateTable("app_user")
        .set({ email: emailOf(input.email), version: input.version + 1 })
        .where("id", "=", userId)
        .where("version", "=", input.version)
        .executeTakeFirst(),
      "Tài khoản này",
    );
    const after = await findUserById(trx, userId);
    await recordAudit(trx, actor, {
      action: "user.update_own",
      entity: "app_user",
      entityId: userId,
      before: { email: before.email, version: before.version },
      after: { email: after?.email ?? null, version: after?.version },
    });
    return after as NonNullable<typeof after>;
  });
  forgetSessionsOfUser(userId);
  return changed;
}
