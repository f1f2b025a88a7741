import { useQuery } from "@tanstack/react-query";
import type {
  CatalogIndicator,
  IndicatorSaved,
  IndicatorsAnswer,
  IndicatorValues,
} from "../shared/api/indicators.ts";
import type { PeriodsAnswer } from "../shared/api/periods.ts";
import { api, get } from "./api.ts";
import { getKept } from "./offline/kept.ts";

/** The indicator catalog, reporting periods and an indicator's values: query keys, hooks, server types. */
export type { CatalogIndicator, IndicatorValues };
export type IndicatorPoint = IndicatorValues["points"][number];

export const indicatorKeys = {
  all: ["indicators"] as const,
  values: (query: string) => ["indicators", "values", query] as const,
};
export const periodKeys = { kind: (kind: string) => ["periods", kind] as const };

export function useIndicators(enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.all,
    queryFn: () => get<IndicatorsAnswer>("/api/indicators"),
    enabled,
  });
}

/** Adds (no id) or edits an indicator of the catalog. */
export const saveIndicator = (body: object, id?: number) =>
  api<IndicatorSaved>(id ? "PUT" : "POST", id ? `/api/indicators/${id}` : "/api/indicators", body);

/** The periods of a kind; kept on the device (the officer's form opens offline with them). */
export function usePeriods(kind: string) {
  return useQuery({
    queryKey: periodKeys.kind(kind),
    queryFn: () => getKept<PeriodsAnswer>(`/api/periods?kind=${kind}`),
  });
}

export interface ValuesQuery {
  unitId: number;
  periodIds: number[];
  children: boolean;
  asOf?: string;
  category?: string;
  drafts?: boolean;
}

function valuesUrl(id: number | string, q: ValuesQuery): string {
  const params = new URLSearchParams({
    unitId: String(q.unitId),
    periodIds: q.periodIds.join(","),
    children: String(q.children),
  });
  if (q.asOf) params.set("asOf", q.asOf);
  if (q.category) params.set("category", q.category);
  if (q.drafts) params.set("drafts", "true");
  return `/api/indicators/${id}/values?${params}`;
}

/** One indicator's values for a unit (or each unit under it) and periods. */
export function useIndicatorValues(id: number | string | null, q: ValuesQuery | null) {
  const url = id !== null && q ? valuesUrl(id, q) : "";
  return useQuery({
    queryKey: indicatorKeys.values(url),
    enabled: url !== "",
    queryFn: () => get<IndicatorValues>(url),
  });
}
