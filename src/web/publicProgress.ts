import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { PublicationChoices, PublicProgress } from "../shared/publicProgress.ts";
import { api, get } from "./api.ts";

/** The public page and its administration: one module, its query keys, types from the server's schemas. */
export const publicKeys = {
  all: ["public"] as const,
  progress: (view: PublicView) => ["public", "progress", view.kind, view.id ?? 0] as const,
  choices: ["publication"] as const,
};

export type PublicView = { kind: "all"; id?: undefined } | { kind: "plan" | "unit"; id: number };

function urlOf(view: PublicView): string {
  if (view.kind === "plan") return `/api/public/plans/${view.id}`;
  if (view.kind === "unit") return `/api/public/units/${view.id}`;
  return "/api/public/progress";
}

export function usePublicProgress(view: PublicView) {
  return useQuery({ queryKey: publicKeys.progress(view), queryFn: () => get<PublicProgress>(urlOf(view)) });
}

export function usePublicationChoices() {
  return useQuery({
    queryKey: publicKeys.choices,
    queryFn: () => get<PublicationChoices>("/api/publication"),
  });
}

export function useSetPublication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: { what: "documents" | "targets"; id: number; public: boolean }) =>
      api("PUT", `/api/publication/${c.what}/${c.id}`, { public: c.public }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: publicKeys.choices });
      void client.invalidateQueries({ queryKey: publicKeys.all });
    },
  });
}

export type { PublicationChoices, PublicProgress };
