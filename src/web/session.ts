import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, get, setCsrfToken } from "./api.ts";

export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  role: "admin" | "coordinator" | "officer" | "leader";
  org_unit_id: number | null;
  is_demo: boolean;
  email: string | null;
  version: number;
}

/** What the server's policies allow this user in general (src/domain/policies/capabilities.ts). */
export interface Capabilities {
  importPlans: boolean;
  editTargets: boolean;
  manageUsers: boolean;
  browseAudit: boolean;
  editCatalog: boolean;
  exchangeFigures: boolean;
  coordinateTasks: boolean;
  managePublication: boolean;
  manageReportRounds: boolean;
  landing: "myWork" | "overview";
  readAllUnits: boolean;
  enterFiguresFor: number | null;
}

interface SessionResponse {
  user: SessionUser | null;
  csrfToken: string | null;
  can: Capabilities | null;
}

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const s = await get<SessionResponse>("/api/session");
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMeta() {
  return useQuery({
    queryKey: ["meta"],
    queryFn: () => get<{ demo: boolean; now: string; database: string }>("/api/meta"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAuthActions() {
  const qc = useQueryClient();
  return {
    login: async (username: string, password: string) => {
      const s = await api<SessionResponse>("POST", "/api/session", { username, password });
      setCsrfToken(s.csrfToken);
      qc.setQueryData(["session"], s);
    },
    logout: async () => {
      await api("DELETE", "/api/session");
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(["session"], { user: null, csrfToken: null, can: null });
    },
  };
}
