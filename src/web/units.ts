import { useQuery } from "@tanstack/react-query";
import type { OrgUnitKind, OrgUnitView } from "../domain/orgUnits.ts";
import { get } from "./api.ts";

export type { OrgUnitKind, UnitLink } from "../domain/orgUnits.ts";
export type OrgUnit = OrgUnitView;

export const kindLabel: Record<OrgUnitKind, { vi: string; en: string }> = {
  province: { vi: "Tỉnh", en: "Province" },
  district: { vi: "Huyện", en: "District" },
  city: { vi: "Thành phố", en: "City" },
  commune: { vi: "Xã", en: "Commune" },
  ward: { vi: "Phường", en: "Ward" },
  township: { vi: "Thị trấn", en: "Town" },
  body: { vi: "Cơ quan", en: "Body" },
  school: { vi: "Trường học", en: "School" },
};

export function useOrgUnits(asOf: string | null) {
  return useQuery({
    queryKey: ["org-units", asOf],
    queryFn: () => get<{ asOf: string; units: OrgUnit[] }>(`/api/org-units${asOf ? `?asOf=${asOf}` : ""}`),
  });
}
