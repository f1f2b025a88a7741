/**
 * Reads for the periodic reports: a plan's occurrences with their bodies and what was reported on them
 * (progress, products, files, extensions, returns), and a unit with its ancestors for the header.
 */
import type { Kysely } from "kysely";
import type { OccurrenceState } from "../../domain/status.ts";
import type { Database } from "../schema.ts";

export interface PlanOccurrence {
  id: number;
  taskId: number;
  ref: string;
  title: string;
  groupTitle: string | null;
  label: string;
  /** The year an occurrence of yearly or continuous work stands for. */
  year: number | null;
  due: string | null;
  state: OccurrenceState;
  completedOn: string | null;
  percent: number;
  bodies: { unitId: number | null; role: "lead" | "support"; name: string }[];
  progress: string[];
  products: string[];
  files: string[];
  extensions: { before: string | null; after: string | null; reason: string }[];
  returns: string[];
}

export async function findPlan(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom("document")
    .select(["id", "number", "title", "issuer_text as issuer", "issuer_unit_id", "period_to"])
    .where("id", "=", documentId)
    .where("held", "=", true)
    .executeTakeFirst();
}

/** Every occurrence of a plan's tasks, with what was written on it up to the end of `asOf`. */
export async function planOccurrences(
  db: Kysely<Database>,
  documentId: number,
  asOf: string,
): Promise<PlanOccurrence[]> {
  const occ = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .select([
      "o.id",
      "o.task_id",
      "o.label",
      "o.period_year",
      "o.due_on",
      "o.state",
      "o.completed_on",
      "o.percent",
      "t.ref",
      "t.title",
      "t.group_title",
    ])
    .where("t.document_id", "=", documentId)
    .orderBy("t.position")
    .orderBy("o.due_on")
    .orderBy("o.id")
    .execute();
  if (occ.length === 0) return [];
  const taskIds = [...new Set(occ.map((o) => o.task_id))];
  const [bodies, updates, files] = await Promise.all([
    db
      .selectFrom("task_body as b")
      .leftJoin("org_unit as u", "u.id", "b.unit_id")
      .select(["b.task_id", "b.unit_id", "b.role", "b.text", "u.full_name"])
      .where("b.task_id", "in", taskIds)
      .orderBy("b.position")
      .execute(),
    db
      .selectFrom("occurrence_update as u")
      .innerJoin("task_occurrence as o", "o.id", "u.occurrence_id")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select(["u.id", "u.occurrence_id", "u.kind", "u.text", "u.product", "u.due_before", "u.due_after"])
      .where("t.document_id", "=", documentId)
      .where("u.created_at", "<", new Date(`${asOf}T24:00:00+07:00`))
      .orderBy("u.id")
      .execute(),
    db
      .selectFrom("attachment as a")
      .innerJoin("occurrence_update as u", "u.id", "a.update_id")
      .innerJoin("task_occurrence as o", "o.id", "u.occurrence_id")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select(["u.occurrence_id", "a.original_name"])
      .where("t.document_id", "=", documentId)
      .execute(),
  ]);
  const bodiesOf = new Map<number, PlanOccurrence["bodies"]>();
  for (const b of bodies) {
    const list = bodiesOf.get(b.task_id) ?? [];
    list.push({ unitId: b.unit_id, role: b.role, name: b.full_name ?? b.text });
    bodiesOf.set(b.task_id, list);
  }
  const byId = new Map<number, PlanOccurrence>();
  const out = occ.map((o): PlanOccurrence => {
    const item: PlanOccurrence = {
      id: o.id,
      taskId: o.task_id,
      ref: o.ref,
      title: o.title,
      groupTitle: o.group_title,
      label: o.label,
      year: o.period_year,
      due: o.due_on,
      state: o.state,
      completedOn: o.completed_on,
      percent: o.percent,
      bodies: bodiesOf.get(o.task_id) ?? [],
      progress: [],
      products: [],
      files: [],
      extensions: [],
      returns: [],
    };
    byId.set(o.id, item);
    return item;
  });
  for (const u of updates) {
    const item = byId.get(u.occurrence_id);
    if (!item) continue;
    if (["progress", "contribution", "propose_done"].includes(u.kind) && u.text.trim())
      item.progress.push(u.text.trim());
    if (u.product?.trim()) item.products.push(u.product.trim());
    if (u.kind === "extend" || u.kind === "set_due")
      item.extensions.push({ before: u.due_before, after: u.due_after, reason: u.text });
    if (u.kind === "return") item.returns.push(u.text);
  }
  for (const f of files) byId.get(f.occurrence_id)?.files.push(f.original_name);
  return out;
}

/** A unit and its ancestors on `asOf`, nearest first (for the header of a report). */
export async function unitChain(db: Kysely<Database>, unitId: number, asOf: string) {
  const units = await db.selectFrom("org_unit").select(["id", "kind", "full_name"]).execute();
  const links = await db
    .selectFrom("org_unit_parent")
    .select(["child_id", "parent_id"])
    .where((eb) => eb.or([eb("valid_from", "is", null), eb("valid_from", "<=", asOf)]))
    .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", asOf)]))
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const parentOf = new Map(links.map((l) => [l.child_id, l.parent_id]));
  const chain = [];
  const seen = new Set<number>();
  for (let cur: number | undefined = unitId; cur !== undefined && !seen.has(cur); cur = parentOf.get(cur)) {
    seen.add(cur);
    const u = byId.get(cur);
    if (u) chain.push(u);
  }
  return chain;
}

/** The bodies that lead at least one task of the plan (the default list asked in a round). */
export async function leadBodiesOfPlan(db: Kysely<Database>, documentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("task_body as b")
    .innerJoin("plan_task as t", "t.id", "b.task_id")
    .select("b.unit_id")
    .distinct()
    .where("t.document_id", "=", documentId)
    .where("b.role", "=", "lead")
    .where("b.unit_id", "is not", null)
    .execute();
  return rows.map((r) => r.unit_id as number);
}

/** A held plan by its id or its number as written ("47-KH/ĐU"), matched by the importer's number key. */
export async function findPlanByRef(db: Kysely<Database>, ref: string, numberKey: (n: string) => string) {
  const q = db.selectFrom("document").select(["id", "number"]).where("held", "=", true);
  return /^\d+$/.test(ref)
    ? q.where("id", "=", Number(ref)).executeTakeFirst()
    : q.where("number_key", "=", numberKey(ref)).executeTakeFirst();
}

/** A unit in force today by its id, its name or one of its aliases. */
export async function findUnitByRef(db: Kysely<Database>, ref: string) {
  if (/^\d+$/.test(ref)) {
    return db
      .selectFrom("org_unit")
      .select(["id", "full_name"])
      .where("id", "=", Number(ref))
      .executeTakeFirst();
  }
  return db
    .selectFrom("org_unit as u")
    .leftJoin("org_unit_alias as a", "a.unit_id", "u.id")
    .select(["u.id", "u.full_name"])
    .where("u.valid_to", "is", null)
    .where((eb) => eb.or([eb("u.full_name", "=", ref), eb("u.name", "=", ref), eb("a.alias", "=", ref)]))
    .executeTakeFirst();
}
