import type { Kysely } from "kysely";
import { findUnitValidity, openWorkOf, successorsOf } from "../db/repositories/ceasedBodyRepository.ts";
import type { Database } from "../db/schema.ts";
import { ceasedOn } from "../domain/bodySets.ts";
import { errors } from "../errors.ts";

/** What a unit page needs to offer "move the open work": is it ceased, to whom, and how much is open. */
export async function getCeasedBodyWork(db: Kysely<Database>, unitId: number, today: string) {
  const [unit] = await findUnitValidity(db, [unitId]);
  if (!unit) throw errors.notFound("đơn vị");
  const [successors, work] = await Promise.all([successorsOf(db, unitId), openWorkOf(db, unitId)]);
  return {
    unit: { id: unit.id, name: unit.full_name, validTo: unit.valid_to },
    ceased: ceasedOn({ validTo: unit.valid_to }, today),
    successors: successors.map((s) => ({
      id: s.id,
      name: s.full_name,
      weight: Number(s.weight),
      note: s.note,
      ceased: ceasedOn({ validTo: s.valid_to }, today),
    })),
    openTasks: new Set(work.bodies.map((b) => b.task_id)).size,
    openShares: work.shares.length,
  };
}
