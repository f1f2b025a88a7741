import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OrgUnitKind } from "../domain/orgUnits.ts";
import type {
  EveryUnit,
  EveryUnitAnswer,
  MoveWorkAnswer,
  OpenWorkAnswer,
  OrgUnit,
  OrgUnitsAnswer,
  UnitDetailAnswer,
  UnitSearchAnswer,
} from "../shared/api/orgUnits.ts";
import type { MembersAnswer } from "../shared/api/users.ts";
import { api, get } from "./api.ts";
import { both } from "./texts.ts";

/** Shapes from the server's response schemas (src/shared/api/orgUnits.ts), imported as types only. */
export type { EveryUnit, OpenWorkAnswer, OrgUnit, OrgUnitKind, UnitDetailAnswer };
export type UnitLink = OrgUnit["formedFrom"][number];

/** The map's query keys: every answer about units sits under ["org-units"] (one invalidation after a move). */
export const unitKeys = {
  all: ["org-units"] as const,
  map: (asOf: string | null) => ["org-units", "map", asOf] as const,
  every: ["org-units", "every"] as const,
  search: (q: string, asOf: string | null) => ["org-units", "search", q, asOf] as const,
  one: (id: number) => ["org-units", id] as const,
  members: (id: number) => ["org-units", id, "members"] as const,
  openWork: (id: number) => ["org-units", id, "open-work"] as const,
};

export const kindLabel: Record<OrgUnitKind, { vi: string; en: string }> = {
  province: both("unitKind.province"),
  district: both("unitKind.district"),
  city: both("unitKind.city"),
  commune: both("unitKind.commune"),
  ward: both("unitKind.ward"),
  township: both("unitKind.township"),
  body: both("unitKind.body"),
  school: both("unitKind.school"),
};

/** The map as of a day (null: today). */
export function useOrgUnits(asOf: string | null) {
  return useQuery({
    queryKey: unitKeys.map(asOf),
    queryFn: () => get<OrgUnitsAnswer>(`/api/org-units${asOf ? `?asOf=${asOf}` : ""}`),
  });
}

/** Every unit ever, ceased ones included. */
export function useEveryUnit() {
  return useQuery({ queryKey: unitKeys.every, queryFn: () => get<EveryUnitAnswer>("/api/org-units/all") });
}

export function useUnitSearch(q: string, asOf: string | null) {
  return useQuery({
    queryKey: unitKeys.search(q, asOf),
    enabled: q.length > 0,
    queryFn: () =>
      get<UnitSearchAnswer>(`/api/org-units/search?q=${encodeURIComponent(q)}${asOf ? `&asOf=${asOf}` : ""}`),
  });
}

export function useUnit(id: number) {
  return useQuery({
    queryKey: unitKeys.one(id),
    queryFn: () => get<UnitDetailAnswer>(`/api/org-units/${id}`),
  });
}

export function useUnitMembers(id: number) {
  return useQuery({
    queryKey: unitKeys.members(id),
    queryFn: () => get<MembersAnswer>(`/api/org-units/${id}/members`),
  });
}

export function useOpenWork(id: number, enabled = true) {
  return useQuery({
    queryKey: unitKeys.openWork(id),
    enabled,
    queryFn: () => get<OpenWorkAnswer>(`/api/org-units/${id}/open-work`),
  });
}

/** Moves a ceased body's open work to a successor; every answer about units is read again. */
export function useMoveWork(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (toUnitId: number) =>
      api<MoveWorkAnswer>("POST", `/api/org-units/${id}/move-work`, { toUnitId }),
    onSuccess: () => client.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
