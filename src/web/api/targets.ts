import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { TargetList } from "../../shared/api/targets.ts";
import type { Answer } from "../../shared/api/wire.ts";
import { get } from "../api.ts";

/** Targets: one module, one query key (the targets page and the drill-down share it), typed answers. */
export type Targets = Answer<typeof TargetList>;
export type TargetRow = Targets["targets"][number];

export const targetKeys = { all: ["targets"] as const };

export function useTargets() {
  return useQuery({ queryKey: targetKeys.all, queryFn: () => get<Targets>("/api/targets") });
}

/** After a target or a figure changed: its status and trend are read again. */
export function refreshTargets(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: targetKeys.all });
}
