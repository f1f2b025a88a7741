import { useQuery } from "@tanstack/react-query";
import type { Timeframe } from "../domain/timeframe.ts";
import type { GraphNode } from "../usecases/getPlanGraph.ts";
import { get } from "./api.ts";
import { textNow } from "./texts.ts";

export type { GraphNode } from "../usecases/getPlanGraph.ts";

export interface GraphEdge {
  from: number;
  to: number;
  relation: "implements" | "cites";
}

/** The documents resource's query keys: one key per answer, invalidated together after an import. */
export const documentKeys = { all: ["documents"] as const };

export function usePlanGraph() {
  return useQuery({
    queryKey: documentKeys.all,
    queryFn: () =>
      get<{ nodes: GraphNode[]; edges: GraphEdge[]; can: { read: boolean; import: boolean } }>(
        "/api/documents",
      ),
  });
}

export interface TaskBody {
  role: "lead" | "support";
  text: string;
  unit_id: number | null;
  unit_name: string | null;
  set_kind: string | null;
}

export interface DocumentDetail {
  document: {
    id: number;
    held: boolean;
    doc_type: string | null;
    number: string | null;
    issued_on: string | null;
    date_text: string | null;
    issuer_text: string | null;
    place: string | null;
    title: string | null;
    source_name: string | null;
    imported_at: string | null;
    warnings: { code: string; message: string; where: string }[] | null;
    hasSource: boolean;
    version: number;
  };
  tasks: {
    id: number;
    ref: string;
    group_ref: string | null;
    group_title: string | null;
    title: string;
    timeframe_text: string;
    timeframe: Timeframe;
    due_on: string | null;
    product: string | null;
    note: string | null;
    bodies: TaskBody[];
  }[];
  targets: {
    id: number;
    ref: string;
    measure: string;
    comparator: string | null;
    comparator_text: string | null;
    value: number | null;
    unit: string | null;
    year: number | null;
    school_year: string | null;
    recurring: boolean;
  }[];
  indicators: {
    id: number;
    ref: string;
    name: string;
    unit: string | null;
    values: Record<string, number | null>;
    note: string | null;
  }[];
  references: { id: number; number: string | null; title: string | null; held: boolean; relation: string }[];
  implementedBy: {
    id: number;
    number: string | null;
    title: string | null;
    held: boolean;
    relation: string;
  }[];
}

export function useDocument(id: number) {
  return useQuery({ queryKey: ["document", id], queryFn: () => get<DocumentDetail>(`/api/documents/${id}`) });
}

export function docLabel(d: {
  type?: string | null;
  doc_type?: string | null;
  number: string | null;
}): string {
  return (
    d.number ?? `${d.type ?? d.doc_type ?? textNow("documents.document")} ${textNow("documents.noNumber")}`
  );
}
