import type { Kysely } from "kysely";
import { insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { REFORM_DATE } from "../domain/orgUnits.ts";

/**
 * Demo mode only: three SAMPLE schools under each of today's communes (kindergarten, primary, lower
 * secondary), flagged is_sample and named "(mẫu)", so figures can be entered by schools and drilled
 * down province → communes → schools. The real school list is loaded by an administrator.
 */
export async function loadSampleSchools(db: Kysely<Database>): Promise<number> {
  const have = await db.selectFrom("org_unit").select("id").where("kind", "=", "school").limit(1).execute();
  if (have.length > 0) return 0;
  const communes = await db
    .selectFrom("org_unit")
    .select(["id", "name"])
    .where("kind", "in", ["commune", "ward"])
    .where("valid_to", "is", null)
    .execute();
  let n = 0;
  await db.transaction().execute(async (trx) => {
    for (const c of communes) {
      for (const level of ["Mầm non", "Tiểu học", "THCS"]) {
        const name = `Trường ${level} ${c.name} (mẫu)`;
        const id = await insertUnit(trx, {
          code: null,
          kind: "school",
          name,
          fullName: name,
          validFrom: REFORM_DATE,
          isSample: true,
        });
        await insertParentLink(trx, id, c.id, REFORM_DATE, null);
        n++;
      }
    }
  });
  return n;
}
