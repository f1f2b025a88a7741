import { useQuery } from "@tanstack/react-query";
import type { DataForm, FormReviewed, FormSaved, FormsStatus } from "../shared/api/forms.ts";
import { api, get } from "./api.ts";
import { getKept } from "./offline/kept.ts";

/** Data-entry forms and who has sent theirs: query keys, hooks, types from the server's schemas. */
export type { DataForm, FormSaved, FormsStatus };
export type FormField = DataForm["fields"][number];

export const formKeys = {
  all: ["forms"] as const,
  one: (unitId: number | string, periodId: number | string) =>
    ["forms", Number(unitId), Number(periodId)] as const,
  status: (periodId: number | string, parentId: number | undefined) =>
    ["forms", "status", Number(periodId), parentId ?? 0] as const,
};

export const formUrl = (unitId: number | string, periodId: number | string) =>
  `/api/forms/${unitId}/${periodId}`;

/** One unit's form for one period; `kept`: read from the device when there is no link (offline). */
export function useDataForm(
  unitId: number | string | null,
  periodId: number | string,
  opts: { kept?: boolean; retry?: boolean } = {},
) {
  return useQuery({
    queryKey: formKeys.one(unitId ?? 0, periodId),
    enabled: Boolean(unitId && periodId),
    retry: opts.retry,
    queryFn: () => {
      const url = formUrl(unitId ?? 0, periodId);
      return opts.kept ? getKept<DataForm>(url) : get<DataForm>(url);
    },
  });
}

export const reviewForm = (
  unitId: number | string,
  periodId: number | string,
  body: { version: number; decision: "approve" | "return" | "reopen"; reason?: string },
) => api<FormReviewed>("POST", `${formUrl(unitId, periodId)}/review`, body);

export function useFormsStatus(periodId: string, parentId: number | undefined) {
  return useQuery({
    queryKey: formKeys.status(periodId, parentId),
    enabled: Boolean(periodId && parentId),
    queryFn: () => get<FormsStatus>(`/api/forms-status?periodId=${periodId}&parentId=${parentId}`),
  });
}
