import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import {
  publicationChoices,
  publicMap,
  setDocumentPublic,
  setTargetPublic,
} from "../db/repositories/publicQueries.ts";
import type { Database } from "../db/schema.ts";
import { isPublicLevel } from "../domain/publicView.ts";
import type { Actor } from "../domain/roles.ts";
import { AppError, errors } from "../errors.ts";
import { z } from "./shared/zod.ts";

export const PublicationInput = z.object({ public: z.boolean() });
export type PublicationInput = z.input<typeof PublicationInput>;

/** The administrators' list: every held plan and every target, whether public, and whether it may be. */
export async function listPublication(db: Kysely<Database>, today: string) {
  const [{ documents, targets }, map] = await Promise.all([publicationChoices(db), publicMap(db, today)]);
  return {
    documents: documents.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      type: d.doc_type,
      issuedOn: d.issued_on,
      public: d.published_at !== null,
    })),
    targets: targets.map((t) => {
      const unit = map.get(t.org_unit_id);
      return {
        id: t.id,
        label: t.label,
        unitName: t.unit_name,
        documentNumber: t.document_number,
        public: t.published_at !== null,
        eligible: unit !== undefined && isPublicLevel(unit),
      };
    }),
  };
}

/** Makes a plan public or not; the change and its audit row in one transaction (no change, no row). */
export async function setDocumentPublication(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  raw: PublicationInput,
) {
  const input = PublicationInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("document")
      .select(["id", "held", "number"])
      .where("id", "=", documentId)
      .executeTakeFirst();
    if (!doc) throw errors.notFound("văn bản");
    if (!doc.held) throw errors.validation("Chỉ công khai được văn bản đã có trong hệ thống.");
    const changed = await setDocumentPublic(trx, documentId, input.public, actor.id);
    if (changed)
      await recordAudit(trx, actor, {
        action: input.public ? "publication.publish" : "publication.withdraw",
        entity: "document",
        entityId: documentId,
        before: { public: !input.public },
        after: { public: input.public, number: doc.number },
      });
    return { id: documentId, public: input.public, changed };
  });
}

/** Makes a target public or not; a target set for a unit below a commune (a school) never is. */
export async function setTargetPublication(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  raw: PublicationInput,
  today: string,
) {
  const input = PublicationInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const target = await trx
      .selectFrom("indicator_target")
      .select(["id", "label", "org_unit_id"])
      .where("id", "=", targetId)
      .executeTakeFirst();
    if (!target) throw errors.notFound("chỉ tiêu");
    if (input.public) {
      const unit = (await publicMap(trx, today)).get(target.org_unit_id);
      if (!unit || !isPublicLevel(unit))
        throw new AppError(
          "PUBLIC_BELOW_COMMUNE",
          "Chỉ tiêu này đặt cho một đơn vị dưới cấp xã (trường học, phòng ban của xã); trang công khai chỉ tổng hợp từ cấp xã trở lên.",
        );
    }
    const changed = await setTargetPublic(trx, targetId, input.public, actor.id);
    if (changed)
      await recordAudit(trx, actor, {
        action: input.public ? "publication.publish" : "publication.withdraw",
        entity: "indicator_target",
        entityId: targetId,
        before: { public: !input.public },
        after: { public: input.public, label: target.label },
      });
    return { id: targetId, public: input.public, changed };
  });
}
