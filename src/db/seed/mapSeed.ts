import { type OrgUnitKind, REFORM_DATE } from "../../domain/orgUnits.ts";
import { bodies } from "./bodies.ts";
import communes from "./lai-chau-communes-2025.json" with { type: "json" };

/** One unit of Lai Châu's reference map, keyed so parents and lineage can point at it. */
export interface UnitSeed {
  key: string;
  code: string | null;
  kind: OrgUnitKind;
  name: string;
  fullName: string;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
  parentKey: string | null;
  /** Lineage: the key of the unit this one merged into on REFORM_DATE. */
  mergedInto?: { key: string; note: string };
}

const PREFIXES: [string, OrgUnitKind][] = [
  ["Thị trấn ", "township"],
  ["Phường ", "ward"],
  ["Xã ", "commune"],
  ["Thành phố ", "city"],
  ["Huyện ", "district"],
];

function splitType(nameWithType: string): { kind: OrgUnitKind; name: string } {
  for (const [prefix, kind] of PREFIXES) {
    if (nameWithType.startsWith(prefix)) return { kind, name: nameWithType.slice(prefix.length) };
  }
  throw new Error(`Không nhận ra loại đơn vị hành chính: ${nameWithType}`);
}

const KIND_WORD: Partial<Record<OrgUnitKind, string>> = {
  commune: "xã",
  ward: "phường",
  township: "thị trấn",
  district: "huyện",
  city: "thành phố",
};

function govAliases(kind: OrgUnitKind, name: string): string[] {
  const w = KIND_WORD[kind];
  return w ? [`UBND ${w} ${name}`, `Ủy ban nhân dân ${w} ${name}`] : [];
}

/**
 * The whole reference map from the committed facts (lai-chau-communes-2025.json, bodies.ts): the
 * province; 8 old districts and 106 old communes valid until 1/7/2025; 38 communes/wards from then
 * on; and the bodies named in the plans. Pure: the loader writes it, the importer resolves against it.
 */
export function buildMapSeed(): UnitSeed[] {
  const out: UnitSeed[] = [
    {
      key: "province",
      code: "12",
      kind: "province",
      name: "Lai Châu",
      fullName: "Tỉnh Lai Châu",
      aliases: ["tỉnh Lai Châu", "toàn tỉnh"],
      validFrom: null,
      validTo: null,
      parentKey: null,
    },
  ];
  const districts = new Set<string>();
  for (const unit of communes.units) {
    for (const old of unit.formedFrom) {
      if (districts.has(old.oldDistrictCode)) continue;
      districts.add(old.oldDistrictCode);
      const d = splitType(old.oldDistrict);
      out.push({
        key: `district:${old.oldDistrictCode}`,
        code: old.oldDistrictCode,
        kind: d.kind,
        name: d.name,
        fullName: old.oldDistrict,
        aliases: govAliases(d.kind, d.name),
        validFrom: null,
        validTo: REFORM_DATE,
        parentKey: "province",
      });
    }
  }
  for (const unit of communes.units) {
    const kind: OrgUnitKind = unit.type === "phuong" ? "ward" : "commune";
    const newKey = `commune:${unit.code}`;
    out.push({
      key: newKey,
      code: unit.code,
      kind,
      name: unit.name,
      fullName: unit.nameWithType,
      aliases: govAliases(kind, unit.name),
      validFrom: REFORM_DATE,
      validTo: null,
      parentKey: "province",
    });
    for (const old of unit.formedFrom) {
      const o = splitType(old.oldNameWithType);
      out.push({
        key: `old:${old.oldCode}`,
        code: old.oldCode,
        kind: o.kind,
        name: o.name,
        fullName: old.oldNameWithType,
        aliases: govAliases(o.kind, o.name),
        validFrom: null,
        validTo: REFORM_DATE,
        parentKey: `district:${old.oldDistrictCode}`,
        mergedInto: { key: newKey, note: old.note },
      });
    }
  }
  for (const b of bodies) {
    const p = b.parent;
    const parentKey =
      "province" in p
        ? "province"
        : "commune" in p
          ? `commune:${p.commune}`
          : "oldDistrict" in p
            ? `district:${p.oldDistrict}`
            : `body:${p.body}`;
    out.push({
      key: `body:${b.key}`,
      code: null,
      kind: "body",
      name: b.name,
      fullName: b.name,
      aliases: b.aliases,
      validFrom: b.validFrom ?? null,
      validTo: b.validTo ?? null,
      parentKey,
    });
  }
  return out;
}
