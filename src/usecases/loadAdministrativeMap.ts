import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { insertLineage, insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { bodies } from "../db/seed/bodies.ts";
import communes from "../db/seed/lai-chau-communes-2025.json" with { type: "json" };
import { type OrgUnitKind, REFORM_DATE } from "../domain/orgUnits.ts";
import { systemActor } from "../domain/roles.ts";

const DATASET = "lai-chau-map";
const DATASET_VERSION = "2025-07-01.1";

const PREFIXES: [string, OrgUnitKind][] = [
  ["Thị trấn ", "township"],
  ["Phường ", "ward"],
  ["Xã ", "commune"],
  ["Thành phố ", "city"],
  ["Huyện ", "district"],
];

function splitType(nameWithType: string): { kind: OrgUnitKind; name: string } {
  for (const [prefix, kind] of PREFIXES) {
    if (nameWithType.startsWith(prefix)) return { kind, name: nameWithType.slice(prefix.length) };
  }
  throw new Error(`Không nhận ra loại đơn vị hành chính: ${nameWithType}`);
}

function govAliases(kindWord: string, name: string): string[] {
  return [`UBND ${kindWord} ${name}`, `Ủy ban nhân dân ${kindWord} ${name}`];
}

export interface MapLoadResult {
  loaded: boolean;
  counts?: { communes: number; oldCommunes: number; oldDistricts: number; bodies: number; lineage: number };
}

/**
 * Loads Lai Châu's administrative map with its history (province; 8 old districts and 106 old
 * communes valid until 1/7/2025; 38 communes/wards from then on; lineage old → new) and the bodies
 * named in the plans. Idempotent: does nothing when this version of the data is already loaded.
 */
export async function loadAdministrativeMap(db: Kysely<Database>): Promise<MapLoadResult> {
  return db.transaction().execute(async (trx) => {
    const have = await trx
      .selectFrom("reference_data")
      .selectAll()
      .where("name", "=", DATASET)
      .executeTakeFirst();
    if (have) return { loaded: false };

    const provinceId = await insertUnit(trx, {
      code: "12",
      kind: "province",
      name: "Lai Châu",
      fullName: "Tỉnh Lai Châu",
      aliases: ["tỉnh Lai Châu", "toàn tỉnh"],
    });

    const districtIds = new Map<string, number>();
    const oldCommuneIds = new Map<string, number>();
    const newCommuneIds = new Map<string, number>();
    let lineage = 0;

    for (const unit of communes.units) {
      for (const old of unit.formedFrom) {
        if (!districtIds.has(old.oldDistrictCode)) {
          const d = splitType(old.oldDistrict);
          const id = await insertUnit(trx, {
            code: old.oldDistrictCode,
            kind: d.kind,
            name: d.name,
            fullName: old.oldDistrict,
            validTo: REFORM_DATE,
            aliases: govAliases(d.kind === "city" ? "thành phố" : "huyện", d.name),
          });
          await insertParentLink(trx, id, provinceId, null, REFORM_DATE);
          districtIds.set(old.oldDistrictCode, id);
        }
      }
    }

    for (const unit of communes.units) {
      const kind: OrgUnitKind = unit.type === "phuong" ? "ward" : "commune";
      const kindWord = kind === "ward" ? "phường" : "xã";
      const newId = await insertUnit(trx, {
        code: unit.code,
        kind,
        name: unit.name,
        fullName: unit.nameWithType,
        validFrom: REFORM_DATE,
        aliases: govAliases(kindWord, unit.name),
      });
      await insertParentLink(trx, newId, provinceId, REFORM_DATE, null);
      newCommuneIds.set(unit.code, newId);

      for (const old of unit.formedFrom) {
        const o = splitType(old.oldNameWithType);
        const oldWord = o.kind === "ward" ? "phường" : o.kind === "township" ? "thị trấn" : "xã";
        const oldId = await insertUnit(trx, {
          code: old.oldCode,
          kind: o.kind,
          name: o.name,
          fullName: old.oldNameWithType,
          validTo: REFORM_DATE,
          aliases: govAliases(oldWord, o.name),
        });
        await insertParentLink(trx, oldId, districtIds.get(old.oldDistrictCode) as number, null, REFORM_DATE);
        await insertLineage(trx, oldId, newId, REFORM_DATE, 1, old.note);
        oldCommuneIds.set(old.oldCode, oldId);
        lineage++;
      }
    }

    const bodyIds = new Map<string, number>();
    for (const b of bodies) {
      const id = await insertUnit(trx, {
        code: null,
        kind: "body",
        name: b.name,
        fullName: b.name,
        validFrom: b.validFrom ?? null,
        validTo: b.validTo ?? null,
        aliases: b.aliases,
      });
      const p = b.parent;
      const parentId =
        "province" in p
          ? provinceId
          : "commune" in p
            ? newCommuneIds.get(p.commune)
            : "oldDistrict" in p
              ? districtIds.get(p.oldDistrict)
              : bodyIds.get(p.body);
      if (parentId === undefined) throw new Error(`Cơ quan ${b.name}: không tìm thấy đơn vị cấp trên`);
      await insertParentLink(trx, id, parentId, b.validFrom ?? null, b.validTo ?? null);
      bodyIds.set(b.key, id);
    }

    const counts = {
      communes: newCommuneIds.size,
      oldCommunes: oldCommuneIds.size,
      oldDistricts: districtIds.size,
      bodies: bodyIds.size,
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
