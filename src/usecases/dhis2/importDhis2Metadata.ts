import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import { CATEGORY_OPTIONS } from "../../domain/breakdowns.ts";
import {
  type Dhis2Kind,
  type LocalObject,
  matchObject,
  readDhis2Metadata,
} from "../../domain/dhis2Metadata.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { z } from "../shared/zod.ts";

export const Dhis2InstanceInput = z.object({
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().max(500).nullish(),
});

/** Lộ Trình's elements, units and breakdown options as candidates for matching. */
export async function localCandidates(db: Kysely<Database>) {
  const [elements, units] = await Promise.all([
    db.selectFrom("data_element").select(["id", "code", "name"]).execute(),
    db.selectFrom("org_unit").select(["id", "code", "name", "full_name", "valid_to"]).execute(),
  ]);
  const options: LocalObject[] = CATEGORY_OPTIONS.map((o) => ({
    key: o.code,
    code: o.code,
    names: [o.label, o.labelEn],
  }));
  return {
    dataElement: elements.map((e) => ({ key: e.id, code: e.code, names: [e.name] })),
    orgUnit: units.map((u) => ({
      key: u.id,
      code: u.code,
      names: [u.name, u.full_name],
      current: u.valid_to === null,
    })),
    categoryOptionCombo: options,
  } satisfies Record<string, LocalObject[]>;
}

/** The instance of that name, created when it does not exist yet. */
async function instanceNamed(db: Kysely<Database>, name: string, url: string | null) {
  const found = await db.selectFrom("dhis2_instance").selectAll().where("name", "=", name).executeTakeFirst();
  if (found) return found;
  return db.insertInto("dhis2_instance").values({ name, url }).returningAll().executeTakeFirstOrThrow();
}

/**
 * Loads a DHIS2 instance's metadata into its mapping store and matches each object to Lộ Trình's by
 * code, then name. Re-loading updates UIDs' codes, names and paths and re-matches, but never overrides
 * a mapping an administrator set by hand. Objects absent from this file are kept (metadata may come
 * in several files: data elements, category combos, org units). One audit row.
 */
export async function importDhis2Metadata(
  db: Kysely<Database>,
  actor: Actor,
  input: z.infer<typeof Dhis2InstanceInput> & { metadata: unknown },
) {
  let read: ReturnType<typeof readDhis2Metadata>;
  try {
    read = readDhis2Metadata(input.metadata);
  } catch (e) {
    throw errors.validation((e as Error).message);
  }
  const locals = await localCandidates(db);
  return db.transaction().execute(async (trx) => {
    const instance = await instanceNamed(trx, input.name, input.url ?? null);
    const existing = await trx
      .selectFrom("dhis2_mapping")
      .select(["kind", "uid", "matched_by"])
      .where("instance_id", "=", instance.id)
      .execute();
    const manual = new Set(
      existing.filter((m) => m.matched_by === "manual").map((m) => `${m.kind}|${m.uid}`),
    );
    const counts = { matched: 0, unmatched: 0, manual: 0 };
    const unmatched: {
      kind: Dhis2Kind;
      uid: string;
      code: string | null;
      name: string;
      note: string | null;
    }[] = [];
    for (const o of read.metadata.objects) {
      const described = {
        code: o.code,
        name: o.name,
        path: o.path,
        attributes: JSON.stringify(o.attributes ?? {}),
      };
      if (manual.has(`${o.kind}|${o.uid}`)) {
        counts.manual++;
        await trx
          .updateTable("dhis2_mapping")
          .set(described)
          .where("instance_id", "=", instance.id)
          .where("kind", "=", o.kind)
          .where("uid", "=", o.uid)
          .execute();
        continue;
      }
      const m = matchObject(o, locals[o.kind]);
      const target = {
        element_id: o.kind === "dataElement" ? ((m.key as number | null) ?? null) : null,
        org_unit_id: o.kind === "orgUnit" ? ((m.key as number | null) ?? null) : null,
        category: o.kind === "categoryOptionCombo" ? ((m.key as string | null) ?? null) : null,
        matched_by: m.matchedBy,
      };
      if (m.key === null) {
        counts.unmatched++;
        unmatched.push({ kind: o.kind, uid: o.uid, code: o.code, name: o.name, note: m.note });
      } else counts.matched++;
      await trx
        .insertInto("dhis2_mapping")
        .values({ instance_id: instance.id, kind: o.kind, uid: o.uid, ...described, ...target })
        .onConflict((c) =>
          c
            .columns(["instance_id", "kind", "uid"])
            .doUpdateSet((eb) => ({ ...described, ...target, version: eb("dhis2_mapping.version", "+", 1) })),
        )
        .execute();
    }
    await trx
      .updateTable("dhis2_instance")
      .set({
        metadata_loaded_at: new Date(),
        system_version: read.metadata.systemVersion ?? instance.system_version,
        ...(input.url ? { url: input.url } : {}),
      })
      .where("id", "=", instance.id)
      .execute();
    const summary = { instanceId: instance.id, objects: read.metadata.objects.length, ...counts };
    await recordAudit(trx, actor, {
      action: "dhis2.metadata",
      entity: "dhis2_instance",
      entityId: instance.id,
      after: { ...summary, refused: read.refused.slice(0, 50) },
    });
    return { ...summary, refused: read.refused, unmatched };
  });
}
