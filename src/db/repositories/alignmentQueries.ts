/**
 * Reads for the alignment of plans with the plans above and below them (usecases/getPlanAlignment and
 * the leaders' overview): the documents and their "implements" links in one statement, and the tasks
 * (with their bodies) and targets of any number of plans in one more — not one read per plan.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { AlignTarget } from "../../domain/alignment.ts";
import type { Database } from "../schema.ts";

export interface DocumentBrief {
  id: number;
  held: boolean;
  number: string | null;
  title: string | null;
  doc_type: string | null;
  issuer_text: string | null;
  issuer_unit_id: number | null;
  /** The issuing unit's kind (null when the issuer is not a known unit). */
  issuer_kind: string | null;
}

export interface ImplementsLink {
  from_id: number;
  to_id: number;
}

export interface DocumentGraph {
  docs: DocumentBrief[];
  links: ImplementsLink[];
}

/** Every document, briefly, as a JSON list (one column of a statement). */
export const documentsJson: RawBuilder<DocumentBrief[] | null> = sql`(select json_agg(json_build_object(
    'id', d.id, 'held', d.held, 'number', d.number, 'title', d.title, 'doc_type', d.doc_type,
    'issuer_text', d.issuer_text, 'issuer_unit_id', d.issuer_unit_id, 'issuer_kind', u.kind))
  from document d left join org_unit u on u.id = d.issuer_unit_id)`;

/** Every "implements" link (lower plan → the plan it implements) as a JSON list. */
export const implementsJson: RawBuilder<ImplementsLink[] | null> = sql`(select json_agg(json_build_object(
    'from_id', l.from_id, 'to_id', l.to_id)) from document_link l where l.relation = 'implements')`;

/** The documents and their "implements" links, in one statement. */
export async function documentGraph(db: Kysely<Database>): Promise<DocumentGraph> {
  const { rows } = await sql<{
    docs: DocumentBrief[] | null;
    links: ImplementsLink[] | null;
  }>`select ${documentsJson} as docs, ${implementsJson} as links`.execute(db);
  return { docs: rows[0]?.docs ?? [], links: rows[0]?.links ?? [] };
}

export interface TaskBody {
  role: string;
  unit_id: number | null;
  set_kind: string | null;
  text: string;
  /** The named unit's full name (null for a body that is not a known unit). */
  unit_name: string | null;
}

export interface PlanTaskBrief {
  id: number;
  ref: string;
  title: string;
  bodies: TaskBody[];
}

/** A plan's target as the alignment reads it (the domain's shape). */
export type PlanTargetBrief = AlignTarget;

export interface PlanContent {
  tasks: PlanTaskBrief[];
  targets: PlanTargetBrief[];
}

type ContentRow = {
  document_id: number;
  tasks: PlanTaskBrief[] | null;
  targets: (Omit<PlanTargetBrief, "value"> & { value: number | string | null })[] | null;
};

/**
 * The tasks (in the plan's order, each with its bodies) and the targets (in order) of each document
 * asked for, in one statement; a document without either gets empty lists.
 */
export async function planContents(db: Kysely<Database>, ids: number[]): Promise<Map<number, PlanContent>> {
  const out = new Map<number, PlanContent>();
  if (ids.length === 0) return out;
  const { rows } = await sql<ContentRow>`
    select d.id as document_id,
      (select json_agg(json_build_object('id', t.id, 'ref', t.ref, 'title', t.title, 'bodies',
                coalesce((select json_agg(json_build_object('role', b.role, 'unit_id', b.unit_id,
                            'set_kind', b.set_kind, 'text', b.text, 'unit_name', u.full_name)
                            order by b.position, b.id)
                   from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = t.id), '[]'))
                order by t.position, t.id)
         from plan_task t where t.document_id = d.id) as tasks,
      (select json_agg(json_build_object('id', g.id, 'ref', g.ref, 'measure', g.measure,
                'comparator', g.comparator, 'value', g.value, 'unit', g.unit, 'year', g.year)
                order by g.position, g.id)
         from plan_target g where g.document_id = d.id) as targets
    from unnest(${[...new Set(ids)]}::integer[]) as d(id)`.execute(db);
  for (const r of rows)
    out.set(Number(r.document_id), {
      tasks: r.tasks ?? [],
      targets: (r.targets ?? []).map((x) => ({ ...x, value: x.value === null ? null : Number(x.value) })),
    });
  return out;
}
