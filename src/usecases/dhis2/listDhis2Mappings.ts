import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { CATEGORY_OPTIONS } from "../../domain/breakdowns.ts";
import { compareVi } from "../../domain/text.ts";

/**
 * The DHIS2 instances, and for one of them every mapped and unmatched object with the Lộ Trình object
 * it stands for (name and code), plus the choices an administrator can map to.
 */
export async function listDhis2Mappings(db: Kysely<Database>, instanceId: number | null) {
  const instances = (await db.selectFrom("dhis2_instance").selectAll().orderBy("id").execute()).map((i) => ({
    ...i,
    created_at: i.created_at.toISOString(),
    metadata_loaded_at: i.metadata_loaded_at?.toISOString() ?? null,
  }));
  const chosen = instances.find((i) => i.id === instanceId) ?? instances[0] ?? null;
  if (!chosen) return { instances, instance: null, mappings: [], choices: null };
  const [mappings, elements, units] = await Promise.all([
    db
      .selectFrom("dhis2_mapping as m")
      .leftJoin("data_element as e", "e.id", "m.element_id")
      .leftJoin("org_unit as u", "u.id", "m.org_unit_id")
      .select([
        "m.id",
        "m.kind",
        "m.uid",
        "m.code",
        "m.name",
        "m.path",
        "m.element_id as elementId",
        "m.org_unit_id as unitId",
        "m.category",
        "m.matched_by as matchedBy",
        "m.version",
        "e.name as elementName",
        "u.full_name as unitName",
      ])
      .where("m.instance_id", "=", chosen.id)
      .orderBy("m.kind")
      .orderBy("m.name")
      .execute(),
    db.selectFrom("data_element").select(["id", "code", "name"]).orderBy("code").execute(),
    db
      .selectFrom("org_unit")
      .select(["id", "code", "full_name as name"])
      .where("valid_to", "is", null)
      .execute(),
  ]);
  units.sort((a, b) => compareVi(a.name, b.name));
  return {
    instances,
    instance: chosen,
    mappings,
    choices: {
      elements,
      units,
      categories: CATEGORY_OPTIONS.map((o) => ({ code: o.code, label: o.label, labelEn: o.labelEn })),
    },
  };
}
