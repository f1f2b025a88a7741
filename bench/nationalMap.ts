/**
 * A national-size administrative map for the benchmarks: one nation (id 1), `provinces` provinces
 * (ids 2…), `communes` communes (1001…) spread over them and `schools` schools (100001…) spread over
 * the communes. Generated ids, so the benches can address any level directly.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";

export const PROVINCES = 34;
export const COMMUNES = 3321;

export async function createNationalMap(db: Kysely<Database>, schools: number): Promise<void> {
  await sql`insert into org_unit (id, kind, name, full_name) values (1, 'province', 'Toàn quốc', 'Toàn quốc (sinh để đo)')`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 1 + g, 'province', 'Tỉnh ' || g, 'Tỉnh ' || g from generate_series(1, ${PROVINCES}) g`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 1000 + g, 'commune', 'Xã ' || g, 'Xã ' || g from generate_series(1, ${COMMUNES}) g`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 100000 + g, 'school', 'Trường ' || g, 'Trường ' || g from generate_series(1, ${schools}) g`.execute(
    db,
  );
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), 200000)`.execute(db);
  await sql`insert into org_unit_parent (child_id, parent_id) select 1 + g, 1 from generate_series(1, ${PROVINCES}) g`.execute(
    db,
  );
  await sql`insert into org_unit_parent (child_id, parent_id) select 1000 + g, 2 + (g % ${PROVINCES}) from generate_series(1, ${COMMUNES}) g`.execute(
    db,
  );
  await sql`insert into org_unit_parent (child_id, parent_id) select 100000 + g, 1001 + (g % ${COMMUNES}) from generate_series(1, ${schools}) g`.execute(
    db,
  );
}
