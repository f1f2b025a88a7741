/** From the database to the report builders' plain data (tasks of a unit, targets of a plan, headers). */
import type { Kysely } from "kysely";
import { subtreeOf } from "../../db/repositories/orgUnitRepository.ts";
import { type PlanOccurrence, unitChain } from "../../db/repositories/reportQueries.ts";
import type { Database } from "../../db/schema.ts";
import { errors } from "../../errors.ts";
import type { TargetItem, TaskItem } from "../../reports/kinds/data.ts";
import { type HeaderPart, headerFor, issuerName } from "../../reports/kinds/issuer.ts";
import { getTargetsOverview } from "../getTargetsOverview.ts";

export function toTaskItem(o: PlanOccurrence, role: "lead" | "support"): TaskItem {
  const lead = o.bodies.filter((b) => b.role === "lead").map((b) => b.name);
  return {
    taskId: o.taskId,
    ref: o.ref,
    title: o.title,
    label: o.label,
    groupTitle: o.groupTitle,
    lead: lead.join("; "),
    role,
    year: o.year,
    due: o.due,
    state: o.state,
    completedOn: o.completedOn,
    percent: o.percent,
    progress: o.progress,
    products: o.products,
    files: o.files,
    extensions: o.extensions,
    returns: o.returns,
  };
}

/** The occurrences a unit (with the bodies under it) leads or supports, with its role in each. */
export function itemsOfUnit(all: PlanOccurrence[], units: Set<number>): TaskItem[] {
  const out: TaskItem[] = [];
  for (const o of all) {
    const mine = o.bodies.filter((b) => b.unitId !== null && units.has(b.unitId));
    if (mine.length === 0) continue;
    out.push(toTaskItem(o, mine.some((b) => b.role === "lead") ? "lead" : "support"));
  }
  return out;
}

export async function unitsUnder(db: Kysely<Database>, unitId: number, asOf: string) {
  return subtreeOf(db, unitId, asOf);
}

export async function headerOf(
  db: Kysely<Database>,
  unitId: number,
  asOf: string,
): Promise<{ header: HeaderPart; name: string }> {
  const chain = await unitChain(db, unitId, asOf);
  if (chain.length === 0) throw errors.notFound("đơn vị");
  return { header: headerFor(chain), name: issuerName(chain[0] as (typeof chain)[number]) };
}

/** The plan's targets (optionally of one unit) with value, status and coverage on asOf. */
export async function targetsOf(
  db: Kysely<Database>,
  documentId: number,
  asOf: string,
  unitId?: number,
): Promise<TargetItem[]> {
  const all = await getTargetsOverview(db, asOf, unitId);
  return all
    .filter((t) => t.document_id === documentId)
    .map((t) => ({
      label: t.label || t.indicator_name,
      unit: t.unit,
      unitName: t.scope === "each_commune" ? `Mỗi xã, phường (${t.unit_name})` : t.unit_name,
      comparator: t.comparator,
      target: t.value,
      dueYear: t.due_year,
      baseline: t.baseline_value,
      baselineYear: t.baseline_year,
      current: t.current?.value ?? null,
      currentPeriod: t.current?.name ?? null,
      status: t.status,
      coverage: t.meeting,
    }));
}
