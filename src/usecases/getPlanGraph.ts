import type { Kysely } from "kysely";
import { documentLinks, listDocuments } from "../db/repositories/documentRepository.ts";
import type { Database } from "../db/schema.ts";

export interface GraphNode {
  id: number;
  held: boolean;
  type: string | null;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  title: string | null;
  tasks: number;
  targets: number;
}

/** The cascade: documents (held or only cited) and who implements or cites whom. */
export async function getPlanGraph(db: Kysely<Database>) {
  const [docs, links] = await Promise.all([listDocuments(db), documentLinks(db)]);
  const nodes: GraphNode[] = docs.map((d) => ({
    id: d.id,
    held: d.held,
    type: d.doc_type,
    number: d.number,
    issuedOn: d.issued_on,
    issuer: d.issuer_text,
    title: d.title,
    tasks: Number(d.task_count ?? 0),
    targets: Number(d.target_count ?? 0),
  }));
  return { nodes, edges: links.map((l) => ({ from: l.from_id, to: l.to_id, relation: l.relation })) };
}
