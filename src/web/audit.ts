import { useQuery } from "@tanstack/react-query";
import type { AuditEntry, AuditPage } from "../shared/api/audit.ts";
import { get } from "./api.ts";

/** The audit log: its query keys and hook, types from the server's schema (src/shared/api/audit.ts). */
export const auditKeys = {
  all: ["audit"] as const,
  page: (filters: URLSearchParams) => ["audit", filters.toString()] as const,
};

export type { AuditEntry };

export function useAuditPage(filters: URLSearchParams) {
  return useQuery({
    queryKey: auditKeys.page(filters),
    queryFn: () => get<AuditPage>(`/api/audit?${filters}`),
  });
}
