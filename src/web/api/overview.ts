import { useQuery } from "@tanstack/react-query";
import type { Overview as OverviewSchema } from "../../shared/api/overview.ts";
import type { Answer } from "../../shared/api/wire.ts";
import { get } from "../api.ts";

/** The leaders' overview: its query key and typed hook. */
export type Overview = Answer<typeof OverviewSchema>;

export const overviewKeys = {
  all: ["overview"] as const,
  on: (query: string) => ["overview", query] as const,
};

export function useOverview(query: URLSearchParams) {
  return useQuery({
    queryKey: overviewKeys.on(query.toString()),
    queryFn: () => get<Overview>(`/api/overview?${query}`),
  });
}
