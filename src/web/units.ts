import { useQuery } from "@tanstack/react-query";
import { get } from "./api.ts";

export type OrgUnitKind =
  | "province"
  | "district"
  | "city"
  | "commune"
  | "ward"
  | "township"
  | "body"
  | "school";

export interface UnitLink {
  id: number;
  name: string;
  weight: number;
  effectiveOn: string;
}

export interface OrgUnit {
  id: number;
  code: string | null;
  kind: OrgUnitKind;
  name: string;
  fullName: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  isSample: boolean;
  formedFrom: UnitLink[];
  mergedInto: UnitLink[];
}

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
