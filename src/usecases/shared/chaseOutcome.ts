import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { officersOfEach } from "./recipients.ts";

/** Who a chase reached, body by body, and who it could not reach and why. */
export interface ChaseOutcome {
  notified: number;
  reached: { unitName: string; people: { name: string; email: boolean }[] }[];
  unreached: { body: string; reason: "no_users" | "not_a_unit" }[];
}

/** A body being chased: a unit of the map, or a body named only as text (unit_id null). */
export interface ChasedBody {
  text: string;
  unit_id: number | null;
  full_name: string | null;
}

/**
 * Who a chase of these bodies reaches — the active officers answering for each on `today`'s map, with
 * whether they have an e-mail address for the digest — and which bodies it cannot reach: one with no
 * officer, one named only as text. Shared by every chase (tasks, reports) so the answer has one shape.
 * `notified` is left at 0: the caller writes the notifications and sets it.
 */
export async function chaseOutcomeOf(
  db: Kysely<Database>,
  bodies: ChasedBody[],
  today: string,
): Promise<ChaseOutcome> {
  return (await chaseReach(db, bodies, today)).outcome;
}

/** The outcome and the ids of the officers it names (each once): those the chase notifies. */
export async function chaseReach(
  db: Kysely<Database>,
  bodies: ChasedBody[],
  today: string,
): Promise<{ outcome: ChaseOutcome; officerIds: number[] }> {
  const outcome: ChaseOutcome = { notified: 0, reached: [], unreached: [] };
  const officers = await officersOfEach(db, unitIdsOf(bodies), today);
  const officerIds = [...new Set([...officers.values()].flatMap((list) => list.map((o) => o.id)))];
  for (const body of bodies) {
    if (body.unit_id === null) {
      outcome.unreached.push({ body: body.text, reason: "not_a_unit" });
      continue;
    }
    const people = officers.get(body.unit_id) ?? [];
    const name = body.full_name ?? body.text;
    if (people.length === 0) outcome.unreached.push({ body: name, reason: "no_users" });
    else
      outcome.reached.push({
        unitName: name,
        people: people.map((p) => ({ name: p.display_name, email: Boolean(p.email) })),
      });
  }
  return { outcome, officerIds };
}

export function unitIdsOf(bodies: ChasedBody[]): number[] {
  return bodies.map((b) => b.unit_id).filter((u): u is number => u !== null);
}
