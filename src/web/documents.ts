import { useQuery } from "@tanstack/react-query";
import type {
  Alignment,
  DocumentDetail,
  DraftAnswer,
  GraphEdge,
  GraphNode,
  ImportChanges,
  PlanGraph,
  TaskBody,
} from "../shared/api/documents.ts";
import type { ConfirmedPlanInput } from "../usecases/shared/planSchemas.ts";
import { api, get, upload } from "./api.ts";
import { textNow } from "./texts.ts";

/** Shapes from the server's response schemas (src/shared/api/documents.ts), imported as types only. */
export type { Alignment, DocumentDetail, DraftAnswer, GraphEdge, GraphNode, ImportChanges, TaskBody };

/**
 * The documents resource's query keys: the cascade, each document and its alignment all sit under
 * ["documents"], so one invalidation after an import refreshes every answer about documents.
 */
export const documentKeys = {
  all: ["documents"] as const,
  graph: ["documents", "graph"] as const,
  one: (id: number) => ["documents", id] as const,
  alignment: (id: number) => ["documents", id, "alignment"] as const,
};

export function usePlanGraph() {
  return useQuery({ queryKey: documentKeys.graph, queryFn: () => get<PlanGraph>("/api/documents") });
}

export function useDocument(id: number | null) {
  return useQuery({
    queryKey: documentKeys.one(id ?? 0),
    queryFn: () => get<DocumentDetail>(`/api/documents/${id}`),
    enabled: id !== null,
  });
}

export function useAlignment(id: number) {
  return useQuery({
    queryKey: documentKeys.alignment(id),
    queryFn: () => get<Alignment>(`/api/documents/${id}/alignment`),
  });
}

/** Reads a plan file into a draft (nothing is saved). */
export const readDraft = (file: File) => upload<DraftAnswer>("/api/imports/draft", file);

/** Saves a reviewed plan: all or nothing. */
export const saveDocument = (plan: ConfirmedPlanInput) => api<ImportChanges>("POST", "/api/documents", plan);

export function docLabel(d: {
  type?: string | null;
  doc_type?: string | null;
  number: string | null;
}): string {
  return (
    d.number ?? `${d.type ?? d.doc_type ?? textNow("documents.document")} ${textNow("documents.noNumber")}`
  );
}
