import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { insertLineage, insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { buildMapSeed } from "../db/seed/mapSeed.ts";
import { REFORM_DATE } from "../domain/orgUnits.ts";
import { systemActor } from "../domain/roles.ts";

const DATASET = "lai-chau-map";
const DATASET_VERSION = "2025-07-01.1";

export interface MapLoadResult {
  loaded: boolean;
  counts?: { communes: number; oldCommunes: number; oldDistricts: number; bodies: number; lineage: number };
}

/**
 * Loads Lai Châu's administrative map with its history and the bodies named in the plans, in one
 * transaction. Idempotent: does nothing when this version of the data is already loaded.
 */
export async function loadAdministrativeMap(db: Kysely<Database>): Promise<MapLoadResult> {
  return db.transaction().execute(async (trx) => {
    const have = await trx
      .selectFrom("reference_data")
      .selectAll()
      .where("name", "=", DATASET)
      .executeTakeFirst();
    if (have) return { loaded: false };
    const seed = buildMapSeed();
    const ids = new Map<string, number>();
    for (const u of seed) {
      ids.set(u.key, await insertUnit(trx, u));
    }
    let lineage = 0;
    for (const u of seed) {
      const id = ids.get(u.key) as number;
      if (u.parentKey) {
        const parentId = ids.get(u.parentKey);
        if (parentId === undefined)
          throw new Error(`${u.fullName}: không tìm thấy đơn vị cấp trên ${u.parentKey}`);
        // a unit hangs under its parent for as long as both exist
        const from =
          [u.validFrom, seed.find((p) => p.key === u.parentKey)?.validFrom ?? null]
            .filter(Boolean)
            .sort()
            .pop() ?? null;
        await insertParentLink(trx, id, parentId, from, u.validTo);
      }
      if (u.mergedInto) {
        await insertLineage(trx, id, ids.get(u.mergedInto.key) as number, REFORM_DATE, 1, u.mergedInto.note);
        lineage++;
      }
    }
    const counts = {
      communes: seed.filter((u) => u.key.startsWith("commune:")).length,
      oldCommunes: seed.filter((u) => u.key.startsWith("old:")).length,
      oldDistricts: seed.filter((u) => u.key.startsWith("district:")).length,
      bodies: seed.filter((u) => u.kind === "body").length,
      lineage,
    };
    await trx.insertInto("reference_data").values({ name: DATASET, version: DATASET_VERSION }).execute();
    await recordAudit(trx, systemActor(), {
      action: "reference.load",
      entity: "org_unit",
      after: { dataset: DATASET, version: DATASET_VERSION, ...counts },
    });
    return { loaded: true, counts };
  });
}
