import type { Kysely } from "kysely";
import {
  type DocumentBrief,
  type DocumentGraph,
  documentGraph,
  type PlanContent,
  type PlanTaskBrief,
  planContents,
} from "../db/repositories/alignmentQueries.ts";
import type { Database } from "../db/schema.ts";
import {
  type AlignTask,
  alignTargets,
  type TargetAlignment,
  tasksWithoutCounterpart,
} from "../domain/alignment.ts";
import { errors } from "../errors.ts";

type Brief = DocumentBrief;
const briefOf = (d: Brief) => ({
  id: d.id,
  number: d.number,
  title: d.title,
  held: d.held,
  type: d.doc_type,
});

export interface ParentAlignment {
  parent: ReturnType<typeof briefOf>;
  /** Documents between the two that are cited but not held: compared across them, and said so. */
  missing: ReturnType<typeof briefOf>[];
  targets: TargetAlignment[];
  /** The parent's tasks for this plan's body (or a set it belongs to) with no alike task here. */
  tasksWithoutCounterpart: AlignTask[];
}

/**
 * Nearest held plans above a document along "implements" links, with the placeholders passed on the
 * way (Bình Lư implements 2086/KH-UBND, not held, which implements 47-KH/ĐU: compared with 47-KH/ĐU).
 */
function nearestHeldAncestors(id: number, docs: Map<number, Brief>, up: Map<number, number[]>) {
  const found: { id: number; missing: number[] }[] = [];
  const seen = new Set<number>([id]);
  let frontier = (up.get(id) ?? []).map((p) => ({ id: p, missing: [] as number[] }));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const step of frontier) {
      if (seen.has(step.id)) continue;
      seen.add(step.id);
      const doc = docs.get(step.id);
      if (!doc) continue;
      if (doc.held) found.push(step);
      else for (const p of up.get(step.id) ?? []) next.push({ id: p, missing: [...step.missing, step.id] });
    }
    frontier = next;
  }
  return found;
}

/**
 * The plans above a document on paths that reach no held plan (the city plan implements 740/KH-BCSD,
 * which implements 294-KH/TU, neither held): nothing to compare with, and said so, nearest first.
 */
function unheldAbove(id: number, docs: Map<number, Brief>, up: Map<number, number[]>): number[] {
  const reachesHeld = (from: number, seen: Set<number>): boolean =>
    (up.get(from) ?? []).some((p) => {
      if (seen.has(p)) return false;
      seen.add(p);
      return docs.get(p)?.held === true || reachesHeld(p, seen);
    });
  const out: number[] = [];
  let frontier = (up.get(id) ?? []).filter((p) => docs.get(p)?.held === false);
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const p of frontier) {
      if (out.includes(p) || reachesHeld(p, new Set([id]))) continue;
      out.push(p);
      next.push(...(up.get(p) ?? []).filter((q) => docs.get(q)?.held === false));
    }
    frontier = next;
  }
  return out;
}

const COMMUNE_KINDS = new Set(["commune", "ward"]);

/** A task body concerns the issuing unit: named directly, or a set it belongs to ("UBND các xã, phường"). */
function concerns(
  body: { unit_id: number | null; set_kind: string | null },
  issuer: number,
  issuerKind: string | null,
) {
  if (body.unit_id === issuer) return true;
  return body.set_kind === "communes" && issuerKind !== null && COMMUNE_KINDS.has(issuerKind);
}

/** How a plan lines up with the plans above it, and which bodies it assigns work to issued no plan. */
export async function getPlanAlignment(db: Kysely<Database>, id: number) {
  const graph = await documentGraph(db);
  return (await planAlignments(db, [id], graph)).get(id) as PlanAlignment;
}

export type PlanAlignment = ReturnType<typeof alignOne>;

/**
 * The alignment of each plan asked for, from the document graph the caller has read: the tasks and
 * targets of these plans and of the plans above them are read once, together (two statements in all
 * with the graph, whatever the number of plans).
 */
export async function planAlignments(
  db: Kysely<Database>,
  ids: number[],
  graph: DocumentGraph,
): Promise<Map<number, PlanAlignment>> {
  const docs = new Map(graph.docs.map((d) => [d.id, d]));
  const up = new Map<number, number[]>();
  for (const l of graph.links) up.set(l.from_id, [...(up.get(l.from_id) ?? []), l.to_id]);
  const above = new Map<number, ReturnType<typeof nearestHeldAncestors>>();
  for (const id of ids) {
    if (!docs.has(id)) throw errors.notFound("văn bản");
    above.set(id, nearestHeldAncestors(id, docs, up));
  }
  const needed = [...new Set([...ids, ...[...above.values()].flatMap((as) => as.map((a) => a.id))])];
  const contents = await planContents(db, needed);
  const contentOf = (docId: number): PlanContent => contents.get(docId) ?? { tasks: [], targets: [] };
  const out = new Map<number, PlanAlignment>();
  for (const id of ids) out.set(id, alignOne(id, docs, up, graph, above.get(id) ?? [], contentOf));
  return out;
}

function alignOne(
  id: number,
  docs: Map<number, Brief>,
  up: Map<number, number[]>,
  graph: DocumentGraph,
  ancestors: ReturnType<typeof nearestHeldAncestors>,
  contentOf: (docId: number) => PlanContent,
) {
  const doc = docs.get(id) as Brief;
  const ownTasks = contentOf(id).tasks;
  const ownTargets = contentOf(id).targets;
  const issuerKind = doc.issuer_unit_id === null ? null : doc.issuer_kind;

  const parents: ParentAlignment[] = ancestors.map((a) => {
    const parent = docs.get(a.id) as Brief;
    const parentTasks = contentOf(a.id).tasks;
    const assigned =
      doc.issuer_unit_id === null
        ? []
        : parentTasks.filter((t) =>
            t.bodies.some((b) => concerns(b, doc.issuer_unit_id as number, issuerKind)),
          );
    return {
      parent: briefOf(parent),
      missing: a.missing.map((m) => briefOf(docs.get(m) as Brief)),
      targets: alignTargets(contentOf(a.id).targets, ownTargets),
      tasksWithoutCounterpart: tasksWithoutCounterpart(assigned.map(taskOf), ownTasks.map(taskOf)).map(
        taskOf,
      ),
    };
  });

  return {
    document: briefOf(doc),
    parents,
    /** Plans above with no held plan anywhere above them: not compared, named so that one can get them. */
    notHeldAbove: unheldAbove(id, docs, up).map((m) => briefOf(docs.get(m) as Brief)),
    implementedBy: graph.links
      .filter((l) => l.to_id === id)
      .map((l) => docs.get(l.from_id))
      .filter((d): d is Brief => d !== undefined)
      .map(briefOf),
    bodiesWithoutPlan: bodiesWithoutPlan(id, doc, ownTasks, graph, docs),
  };
}

const taskOf = ({ id, ref, title }: AlignTask): AlignTask => ({ id, ref, title });

/** Bodies that lead work of this plan but have not issued (or are not known to have issued) a plan for it. */
function bodiesWithoutPlan(
  id: number,
  doc: Brief,
  ownTasks: PlanTaskBrief[],
  graph: DocumentGraph,
  docs: Map<number, Brief>,
) {
  const below = graph.links.filter((l) => l.to_id === id).map((l) => docs.get(l.from_id));
  const issuedBy = new Set(below.map((d) => d?.issuer_unit_id).filter((u): u is number => u != null));
  const leads = new Map<number, { name: string; tasks: number }>();
  for (const t of ownTasks) {
    for (const b of t.bodies) {
      if (
        b.role === "lead" &&
        b.unit_id !== null &&
        b.unit_id !== doc.issuer_unit_id &&
        !issuedBy.has(b.unit_id)
      ) {
        const seen = leads.get(b.unit_id) ?? { name: b.unit_name ?? "", tasks: 0 };
        leads.set(b.unit_id, { ...seen, tasks: seen.tasks + 1 });
      }
    }
  }
  return [...leads]
    .map(([unitId, x]) => ({ unitId, name: x.name, tasks: x.tasks }))
    .sort((x, y) => y.tasks - x.tasks || x.name.localeCompare(y.name, "vi"));
}
