import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export interface Officer {
  id: number;
  display_name: string;
  email: string | null;
  org_unit_id: number | null;
}

/**
 * Who answers for each body's work: the active officers bound to that body or to a unit above it on
 * `today`'s map (a commune's officer sees and answers for the commune's offices). One statement: the
 * walk up the parent links is a recursive query, not a read of the whole map.
 */
export async function officersOfEach(
  db: Kysely<Database>,
  unitIds: number[],
  today: string,
): Promise<Map<number, Officer[]>> {
  const out = new Map<number, Officer[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return out;
  const rows = await sql<Officer & { body: number }>`with recursive up(body, id) as (
      select b, b from unnest(${sql.val(unitIds)}::integer[]) b
      union
      select up.body, p.parent_id from org_unit_parent p join up on p.child_id = up.id
      where (p.valid_from is null or p.valid_from <= ${today}) and (p.valid_to is null or ${today} < p.valid_to)
    )
    select up.body, a.id, a.display_name, a.email, a.org_unit_id
    from up join app_user a on a.org_unit_id = up.id
    where a.active and a.role = 'officer'
    order by up.body, a.id`.execute(db);
  for (const { body, ...officer } of rows.rows) out.get(body)?.push(officer);
  return out;
}

/** The officers who answer for any of these bodies, each once. */
export async function officersFor(
  db: Kysely<Database>,
  unitIds: number[],
  today: string,
): Promise<Officer[]> {
  const byId = new Map<number, Officer>();
  for (const list of (await officersOfEach(db, unitIds, today)).values())
    for (const o of list) byId.set(o.id, o);
  return [...byId.values()];
}
