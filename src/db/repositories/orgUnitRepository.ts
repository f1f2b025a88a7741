import type { Kysely } from "kysely";
import {
  type OrgUnitKind,
  type OrgUnitView,
  subtreeIds,
  type UnitLink,
  validOn,
} from "../../domain/orgUnits.ts";
import { asciiKey, compareVi, toneKey } from "../../domain/text.ts";
import type { Database } from "../schema.ts";

const kindOrder: Record<OrgUnitKind, number> = {
  province: 0,
  body: 1,
  city: 2,
  district: 3,
  ward: 4,
  township: 5,
  commune: 6,
  school: 7,
};

/**
 * The map is small (a province has a few hundred units), so a snapshot is read whole and
 * filtered in memory; this keeps the "as of" rules in one place (domain/orgUnits.validOn).
 */
export interface MapSnapshot {
  units: OrgUnitView[];
  byId: Map<number, OrgUnitView>;
  parentOf: Map<number, number | null>;
  aliases: Map<number, string[]>;
}

export async function loadMap(db: Kysely<Database>, asOf: string): Promise<MapSnapshot> {
  const [units, parents, lineage, aliases] = await Promise.all([
    db.selectFrom("org_unit").selectAll().execute(),
    db.selectFrom("org_unit_parent").selectAll().execute(),
    db.selectFrom("org_unit_lineage").selectAll().execute(),
    db.selectFrom("org_unit_alias").select(["unit_id", "alias"]).execute(),
  ]);
  const nameOf = new Map(units.map((u) => [u.id, u.full_name]));
  const link = (id: number, weight: string, effectiveOn: string): UnitLink => ({
    id,
    name: nameOf.get(id) ?? "",
    weight: Number(weight),
    effectiveOn,
  });
  const parentOf = new Map<number, number | null>();
  for (const p of parents) {
    if (validOn(p.valid_from, p.valid_to, asOf)) parentOf.set(p.child_id, p.parent_id);
  }
  const views: OrgUnitView[] = units
    .filter((u) => validOn(u.valid_from, u.valid_to, asOf))
    .map((u) => ({
      id: u.id,
      code: u.code,
      kind: u.kind,
      name: u.name,
      fullName: u.full_name,
      parentId: parentOf.get(u.id) ?? null,
      validFrom: u.valid_from,
      validTo: u.valid_to,
      isSample: u.is_sample,
      formedFrom: lineage
        .filter((l) => l.to_id === u.id)
        .map((l) => link(l.from_id, l.weight, l.effective_on)),
      mergedInto: lineage
        .filter((l) => l.from_id === u.id)
        .map((l) => link(l.to_id, l.weight, l.effective_on)),
    }))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || compareVi(a.name, b.name));
  const aliasMap = new Map<number, string[]>();
  for (const a of aliases) {
    const list = aliasMap.get(a.unit_id) ?? [];
    list.push(a.alias);
    aliasMap.set(a.unit_id, list);
  }
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const id of [...parentOf.keys()]) if (!byId.has(id)) parentOf.delete(id);
  return { units: views, byId, parentOf, aliases: aliasMap };
}

/** Any unit by id, whatever its validity, with its aliases and full parent history. */
export async function findUnitById(db: Kysely<Database>, id: number) {
  const unit = await db.selectFrom("org_unit").selectAll().where("id", "=", id).executeTakeFirst();
  if (!unit) return undefined;
  const [parents, aliases] = await Promise.all([
    db
      .selectFrom("org_unit_parent as p")
      .innerJoin("org_unit as u", "u.id", "p.parent_id")
      .select(["p.parent_id", "u.full_name", "p.valid_from", "p.valid_to"])
      .where("p.child_id", "=", id)
      .orderBy("p.valid_from")
      .execute(),
    db.selectFrom("org_unit_alias").select("alias").where("unit_id", "=", id).orderBy("alias").execute(),
  ]);
  return { unit, parents, aliases: aliases.map((a) => a.alias) };
}

/** Units in the subtree of rootId as the map is on asOf (including rootId). */
export async function subtreeOf(db: Kysely<Database>, rootId: number, asOf: string): Promise<Set<number>> {
  const parents = await db.selectFrom("org_unit_parent").selectAll().execute();
  const parentOf = new Map<number, number | null>();
  for (const p of parents) if (validOn(p.valid_from, p.valid_to, asOf)) parentOf.set(p.child_id, p.parent_id);
  return subtreeIds(rootId, parentOf);
}

let mapGenerationNo = 0;

/**
 * Moves on whenever this process writes the map (a unit, a parent link, a lineage link, a restore):
 * what is kept in memory from the map (usecases/loadScope.ts) is read again after it.
 */
export function mapChanged(): void {
  mapGenerationNo++;
}

export function mapGeneration(): number {
  return mapGenerationNo;
}

export interface NewUnit {
  code: string | null;
  kind: OrgUnitKind;
  name: string;
  fullName: string;
  validFrom?: string | null;
  validTo?: string | null;
  isSample?: boolean;
  aliases?: string[];
}

/** Every unit with all its names, for resolving the bodies a document names. */
export async function unitCandidates(db: Kysely<Database>) {
  const [units, aliases] = await Promise.all([
    db.selectFrom("org_unit").select(["id", "full_name", "valid_from", "valid_to"]).execute(),
    db.selectFrom("org_unit_alias").select(["unit_id", "alias"]).execute(),
  ]);
  const names = new Map<number, string[]>();
  for (const a of aliases) names.set(a.unit_id, [...(names.get(a.unit_id) ?? []), a.alias]);
  return units.map((u) => ({
    id: u.id,
    name: u.full_name,
    names: names.get(u.id) ?? [u.full_name],
    validFrom: u.valid_from,
    validTo: u.valid_to,
  }));
}

export async function insertUnit(trx: Kysely<Database>, u: NewUnit): Promise<number> {
  mapChanged();
  const row = await trx
    .insertInto("org_unit")
    .values({
      code: u.code,
      kind: u.kind,
      name: u.name,
      full_name: u.fullName,
      valid_from: u.validFrom ?? null,
      valid_to: u.validTo ?? null,
      is_sample: u.isSample ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const names = [...new Set([u.fullName, u.name, ...(u.aliases ?? [])].map((a) => a.normalize("NFC")))];
  await trx
    .insertInto("org_unit_alias")
    .values(
      names.map((alias) => ({
        unit_id: row.id,
        alias,
        tone_key: toneKey(alias),
        ascii_key: asciiKey(alias),
      })),
    )
    .execute();
  return row.id;
}

export async function insertParentLink(
  trx: Kysely<Database>,
  childId: number,
  parentId: number,
  validFrom: string | null = null,
  validTo: string | null = null,
): Promise<void> {
  mapChanged();
  await trx
    .insertInto("org_unit_parent")
    .values({ child_id: childId, parent_id: parentId, valid_from: validFrom, valid_to: validTo })
    .execute();
}

export async function insertLineage(
  trx: Kysely<Database>,
  fromId: number,
  toId: number,
  effectiveOn: string,
  weight: number,
  note: string | null,
): Promise<void> {
  mapChanged();
  await trx
    .insertInto("org_unit_lineage")
    .values({ from_id: fromId, to_id: toId, effective_on: effectiveOn, weight, note })
    .execute();
}

/** The units above each given unit on asOf, with the units themselves. */
export async function selfAndAncestors(
  db: Kysely<Database>,
  unitIds: number[],
  asOf: string,
): Promise<Set<number>> {
  const parents = await db.selectFrom("org_unit_parent").selectAll().execute();
  const parentOf = new Map<number, number>();
  for (const p of parents) if (validOn(p.valid_from, p.valid_to, asOf)) parentOf.set(p.child_id, p.parent_id);
  const out = new Set<number>();
  for (const id of unitIds) {
    let cur: number | undefined = id;
    while (cur !== undefined && !out.has(cur)) {
      out.add(cur);
      cur = parentOf.get(cur);
    }
  }
  return out;
}
