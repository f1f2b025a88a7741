import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionAnswer } from "../shared/session.ts";
import { api, get, setCsrfToken } from "./api.ts";

/** Shapes from the server's response schemas (src/shared/session.ts), imported as types only. */
export type { Capabilities, SessionUser } from "../shared/session.ts";

type SessionResponse = SessionAnswer;

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
