import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { isSharedSet } from "../../domain/bodySets.ts";
import { errors } from "../../errors.ts";

/**
 * "Các cơ quan, đơn vị liên quan" is never guessed: the reviewer picks the bodies it means, and the
 * import keeps one task body per pick (the plan's wording stays in `text`, the set kind is kept).
 * Sets that the map shares out (communes, schools, villages) take no picks.
 */
export async function pickedMembers(
  trx: Kysely<Database>,
  bodies: { text: string; members: number[] }[],
): Promise<Map<string, { id: number; name: string }[]>> {
  const out = new Map<string, { id: number; name: string }[]>();
  const ids = [...new Set(bodies.flatMap((b) => b.members))];
  if (ids.length === 0) return out;
  const units = await trx.selectFrom("org_unit").select(["id", "full_name"]).where("id", "in", ids).execute();
  if (units.length !== ids.length) throw errors.validation("Có cơ quan được chọn không tồn tại.");
  for (const b of bodies) {
    if (b.members.length === 0) continue;
    out.set(
      b.text,
      b.members.map((id) => ({ id, name: units.find((u) => u.id === id)?.full_name ?? "" })),
    );
  }
  return out;
}

export function expandPicked<B extends { text: string; unit_id: number | null; set_kind: string | null }>(
  body: B,
  picked: Map<string, { id: number; name: string }[]>,
): B[] {
  const members = picked.get(body.text);
  if (!members || body.unit_id !== null || isSharedSet(body.set_kind)) return [body];
  return members.map((m) => ({ ...body, unit_id: m.id }));
}
