/**
 * Identifiers both ways between DHIS2 and Lộ Trình for one exchange: through the chosen instance's
 * mappings by UID, code or name (DHIS2's id schemes), and Lộ Trình's own identifiers as a fallback
 * (element code, a unit's official code or "LT" + id, the breakdown option code) so that a file
 * Lộ Trình exported without an instance reads back as before.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { CATEGORY_OPTIONS } from "../../domain/breakdowns.ts";
import { attributeOfScheme, DEFAULT_COMBO_UID, type Dhis2IdScheme } from "../../domain/dhis2Metadata.ts";
import { toneKey } from "../../domain/text.ts";
import { errors } from "../../errors.ts";

type Key = string | number;

/** Lookups of one kind: by UID, by code (case-insensitive), by name key. */
class Index<T extends Key> {
  readonly uid = new Map<string, T>();
  readonly code = new Map<string, T>();
  readonly name = new Map<string, T | null>();
  /** attribute UID → value → object (ATTRIBUTE:<uid> schemes). */
  readonly attribute = new Map<string, Map<string, T>>();
  readonly out = new Map<
    T,
    { uid: string; code: string | null; name: string; attributes: Record<string, string> }
  >();

  add(
    uid: string | null,
    code: string | null,
    name: string,
    target: T,
    mapped: boolean,
    attributes: Record<string, string> = {},
  ) {
    if (uid) this.uid.set(uid, target);
    for (const [a, value] of Object.entries(attributes)) {
      const byValue = this.attribute.get(a) ?? new Map<string, T>();
      byValue.set(value, target);
      this.attribute.set(a, byValue);
    }
    if (code) this.code.set(code.toLowerCase(), target);
    const k = toneKey(name);
    // a name two objects share identifies neither
    this.name.set(k, this.name.has(k) && this.name.get(k) !== target ? null : target);
    if (mapped && uid && !this.out.has(target)) this.out.set(target, { uid, code, name, attributes });
  }

  find(id: string, scheme: Dhis2IdScheme): T | null {
    const attribute = attributeOfScheme(scheme);
    if (attribute) return this.attribute.get(attribute)?.get(id.trim()) ?? null;
    if (scheme === "UID") return this.uid.get(id) ?? null;
    if (scheme === "CODE") return this.code.get(id.toLowerCase()) ?? null;
    return this.name.get(toneKey(id)) ?? null;
  }

  write(target: T, scheme: Dhis2IdScheme): string | null {
    const m = this.out.get(target);
    if (!m) return null;
    const attribute = attributeOfScheme(scheme);
    if (attribute) return m.attributes[attribute] ?? null;
    return scheme === "UID" ? m.uid : scheme === "CODE" ? m.code : m.name;
  }
}

export interface Dhis2Dictionary {
  instance: { id: number; name: string } | null;
  element(id: string, scheme: Dhis2IdScheme): number | null;
  unit(id: string, scheme: Dhis2IdScheme): number | null;
  /** '' for the whole figure (empty, the default combo), a breakdown option, or null (unknown). */
  combo(id: string, scheme: Dhis2IdScheme): string | null;
  /** An attribute option combo Lộ Trình accepts: none, or the instance's default. */
  isDefaultAttribute(id: string): boolean;
  /** Identifiers written out; null when the instance has no mapping for the object. */
  elementOut(id: number, scheme: Dhis2IdScheme): string | null;
  unitOut(id: number, scheme: Dhis2IdScheme): string | null;
  comboOut(category: string, scheme: Dhis2IdScheme): string | null;
}

/** The instance named, else the only one there is, else none (Lộ Trình's identifiers only). */
export async function chooseInstance(db: Kysely<Database>, name?: string | null) {
  const all = await db.selectFrom("dhis2_instance").select(["id", "name"]).orderBy("id").execute();
  if (name) {
    const found = all.find((i) => i.name === name || String(i.id) === name);
    if (!found) throw errors.notFound(`hệ thống DHIS2 «${name}»`);
    return found;
  }
  return all.length === 1 ? (all[0] as { id: number; name: string }) : null;
}

export async function loadDhis2Dictionary(
  db: Kysely<Database>,
  instanceName?: string | null,
): Promise<Dhis2Dictionary> {
  const instance = await chooseInstance(db, instanceName);
  const [elements, units, mappings] = await Promise.all([
    db.selectFrom("data_element").select(["id", "code", "name"]).execute(),
    db.selectFrom("org_unit").select(["id", "code", "name", "full_name", "valid_to"]).execute(),
    instance
      ? db.selectFrom("dhis2_mapping").selectAll().where("instance_id", "=", instance.id).execute()
      : Promise.resolve([]),
  ]);
  const el = new Index<number>();
  const un = new Index<number>();
  const co = new Index<string>();
  const defaults = new Set([DEFAULT_COMBO_UID]);
  for (const m of mappings) {
    if (m.kind === "dataElement" && m.element_id !== null)
      el.add(m.uid, m.code, m.name, m.element_id, true, m.attributes);
    if (m.kind === "orgUnit" && m.org_unit_id !== null)
      un.add(m.uid, m.code, m.name, m.org_unit_id, true, m.attributes);
    if (m.kind === "categoryOptionCombo" && m.category !== null) {
      co.add(m.uid, m.code, m.name, m.category, true, m.attributes);
      if (m.category === "" && m.matched_by === "default") defaults.add(m.uid);
    }
  }
  // Lộ Trình's own identifiers, after the mappings (a mapping wins on a clash)
  const local = { uid: new Map<string, number>() };
  for (const e of elements) {
    if (!el.code.has(e.code.toLowerCase())) el.code.set(e.code.toLowerCase(), e.id);
    local.uid.set(e.code, e.id);
  }
  for (const u of units) {
    const own = u.code && !u.valid_to ? u.code : `LT${u.id}`;
    if (!un.uid.has(own)) un.uid.set(own, u.id);
    if (!un.code.has(own.toLowerCase())) un.code.set(own.toLowerCase(), u.id);
  }
  for (const o of CATEGORY_OPTIONS) if (!co.uid.has(o.code)) co.uid.set(o.code, o.code);
  const byName = <T extends Key>(index: Index<T>, list: { key: T; names: string[] }[]) => {
    for (const item of list)
      for (const n of item.names) if (!index.name.has(toneKey(n))) index.name.set(toneKey(n), item.key);
  };
  byName(
    el,
    elements.map((e) => ({ key: e.id, names: [e.name] })),
  );
  byName(
    un,
    units.filter((u) => !u.valid_to).map((u) => ({ key: u.id, names: [u.full_name, u.name] })),
  );
  const ownUnit = new Map(units.map((u) => [u.id, u.code && !u.valid_to ? u.code : `LT${u.id}`]));
  const ownElement = new Map(elements.map((e) => [e.id, e]));
  return {
    instance,
    element: (id, scheme) => el.find(id, scheme) ?? local.uid.get(id) ?? null,
    unit: (id, scheme) => un.find(id, scheme) ?? un.uid.get(id) ?? null,
    combo: (id, scheme) => {
      if (id === "" || defaults.has(id) || id.toLowerCase() === "default") return "";
      return co.find(id, scheme) ?? co.uid.get(id) ?? null;
    },
    isDefaultAttribute: (id) => id === "" || defaults.has(id) || id.toLowerCase() === "default",
    elementOut: (id, scheme) =>
      instance
        ? el.write(id, scheme)
        : ((scheme === "NAME" ? ownElement.get(id)?.name : ownElement.get(id)?.code) ?? null),
    unitOut: (id, scheme) => (instance ? un.write(id, scheme) : (ownUnit.get(id) ?? null)),
    // the whole figure goes out without a combo: DHIS2 reads that as its default
    comboOut: (category, scheme) => (category === "" || !instance ? category : co.write(category, scheme)),
  };
}
