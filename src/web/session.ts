import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionAnswer } from "../shared/session.ts";
import { api, setCsrfToken } from "./api.ts";
import { forgetKept, getKept, keep } from "./offline/kept.ts";

/** Shapes from the server's response schemas (src/shared/session.ts), imported as types only. */
export type { Capabilities, SessionUser } from "../shared/session.ts";

type SessionResponse = SessionAnswer;

export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      // kept on the device: an officer who reloads with no link stays in his own pages
      const s = await getKept<SessionResponse>("/api/session");
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMeta() {
  return useQuery({
    queryKey: ["meta"],
    queryFn: () => getKept<{ demo: boolean; now: string; database: string }>("/api/meta"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAuthActions() {
  const qc = useQueryClient();
  return {
    login: async (username: string, password: string) => {
      const s = await api<SessionResponse>("POST", "/api/session", { username, password });
      setCsrfToken(s.csrfToken);
      // the copies kept for whoever used the device before go; this session is kept for a reload offline
      await forgetKept().catch(() => {});
      keep("/api/session", s);
      qc.setQueryData(["session"], s);
    },
    logout: async () => {
      await api("DELETE", "/api/session");
      setCsrfToken(null);
      await forgetKept().catch(() => {});
      qc.clear();
      qc.setQueryData(["session"], { user: null, csrfToken: null, can: null });
    },
  };
}
