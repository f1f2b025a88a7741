import { useQuery } from "@tanstack/react-query";
import type { OrgUnitKind, OrgUnitView } from "../domain/orgUnits.ts";
import { get } from "./api.ts";
import { both } from "./texts.ts";

export type { OrgUnitKind, UnitLink } from "../domain/orgUnits.ts";
export type OrgUnit = OrgUnitView;

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

export function useOrgUnits(asOf: string | null) {
  return useQuery({
    queryKey: ["org-units", asOf],
    queryFn: () => get<{ asOf: string; units: OrgUnit[] }>(`/api/org-units${asOf ? `?asOf=${asOf}` : ""}`),
  });
}
