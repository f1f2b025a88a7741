import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { insertLineage, insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { bodies } from "../db/seed/bodies.ts";
import { successors, wardOffices } from "../db/seed/bodySuccessors.ts";
import { REFORM_DATE } from "../domain/orgUnits.ts";
import { systemActor } from "../domain/roles.ts";

const DATASET = "lai-chau-body-successors";
const DATASET_VERSION = "2025-07-01.1";

/**
 * The successors of the city's offices that ceased on 1/7/2025 (seed/bodySuccessors.ts): the new
 * wards' offices and the lineage old office → new office, in one transaction. Runs after the map is
 * loaded, also on a database loaded before these facts existed; does nothing once loaded.
 */
export async function loadBodySuccessors(db: Kysely<Database>): Promise<{ loaded: boolean }> {
  return db.transaction().execute(async (trx) => {
    const have = await trx
      .selectFrom("reference_data")
      .select("name")
      .where("name", "=", DATASET)
      .executeTakeFirst();
    if (have) return { loaded: false };
    const wards = await trx
      .selectFrom("org_unit")
      .select(["id", "code"])
      .where("kind", "in", ["ward", "commune"])
      .where("valid_from", "=", REFORM_DATE)
      .execute();
    const wardId = (code: string) => {
      const w = wards.find((x) => x.code === code);
      if (!w) throw new Error(`Thiếu phường/xã mã ${code} trên bản đồ`);
      return w.id;
    };
    const ids = new Map<string, number>();
    for (const o of wardOffices) {
      const id = await insertUnit(trx, {
        code: null,
        kind: "body",
        name: o.name,
        fullName: o.name,
        validFrom: REFORM_DATE,
      });
      await insertParentLink(trx, id, wardId(o.ward), REFORM_DATE, null);
      ids.set(o.key, id);
    }
    const names = new Map(bodies.map((b) => [b.key, b.name]));
    let links = 0;
    for (const s of successors) {
      const from = await trx
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "=", "body")
        .where("full_name", "=", names.get(s.from) ?? "")
        .executeTakeFirst();
      if (!from) continue; // a map without the city's bodies: nothing ceased to follow
      for (const to of s.to) {
        const toId = to.body ? ids.get(to.body) : wardId(to.commune as string);
        await insertLineage(trx, from.id, toId as number, REFORM_DATE, to.weight, s.note);
        links++;
      }
    }
    await trx.insertInto("reference_data").values({ name: DATASET, version: DATASET_VERSION }).execute();
    await recordAudit(trx, systemActor(), {
      action: "reference.load_successors",
      entity: "org_unit",
      after: { dataset: DATASET, version: DATASET_VERSION, bodies: wardOffices.length, lineage: links },
    });
    return { loaded: true };
  });
}
