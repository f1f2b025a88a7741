/**
 * A DHIS2 instance's metadata (its `/api/metadata` export, or the `/api/dataElements`,
 * `/api/categoryCombos`, `/api/organisationUnits` answers) read into the three kinds Lộ Trình maps, and
 * matched to Lộ Trình's own objects: by code first, then by name (Vietnamese name keys: NFC, tone
 * placement, case), never by a guess — a name that fits two objects stays unmatched and says so. Pure.
 */
import { toneKey } from "./text.ts";

export type Dhis2Kind = "dataElement" | "categoryOptionCombo" | "orgUnit";
export type Dhis2MatchedBy = "uid" | "code" | "name" | "default" | "manual";

/** The UID every DHIS2 instance gives its built-in "default" category option combo. */
export const DEFAULT_COMBO_UID = "HllvX50cXC0";

export interface Dhis2Object {
  kind: Dhis2Kind;
  uid: string;
  code: string | null;
  name: string;
  /** Org units: "/root/…/uid". */
  path: string | null;
  /** The object's attribute values by attribute UID (DHIS2's `attributeValues`), for ATTRIBUTE:<uid>. */
  attributes?: Record<string, string>;
}

export interface Dhis2Metadata {
  systemVersion: string | null;
  objects: Dhis2Object[];
}

const UID = /^[A-Za-z][A-Za-z0-9]{10}$/;

/** `attributeValues: [{ attribute: { id }, value }]` as { attributeUid: value } (blank values left out). */
function attributesOf(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(o.attributeValues)) return out;
  for (const av of o.attributeValues as unknown[]) {
    if (!av || typeof av !== "object") continue;
    const { attribute, value } = av as { attribute?: { id?: unknown }; value?: unknown };
    const id = typeof attribute?.id === "string" ? attribute.id.trim() : "";
    const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
    if (UID.test(id) && text !== "") out[id] = text;
  }
  return out;
}

function objectsOf(list: unknown, kind: Dhis2Kind, out: Map<string, Dhis2Object>, bad: string[]) {
  if (!Array.isArray(list)) return;
  for (const raw of list) {
    if (!raw || typeof raw !== "object") continue;
    const o = raw as Record<string, unknown>;
    const uid = typeof o.id === "string" ? o.id.trim() : "";
    const name = [o.name, o.displayName, o.shortName].find((v) => typeof v === "string" && v.trim() !== "");
    // a bare reference ({"id": …}) inside another object is not a definition
    if (!name && Object.keys(o).length <= 1) continue;
    if (!UID.test(uid) || typeof name !== "string") {
      bad.push(`${kind} ${uid || "(không có id)"}`);
      continue;
    }
    const code = typeof o.code === "string" && o.code.trim() !== "" ? o.code.trim() : null;
    const path = kind === "orgUnit" && typeof o.path === "string" ? o.path : null;
    out.set(`${kind}|${uid}`, { kind, uid, code, name: name.trim(), path, attributes: attributesOf(o) });
  }
}

/**
 * Reads the metadata JSON; unknown parts (data sets, indicators, …) are left aside. Category option
 * combos are taken at the top level and inside `categoryCombos`. Throws (with a Vietnamese reason)
 * when the file holds none of the three kinds.
 */
export function readDhis2Metadata(json: unknown): { metadata: Dhis2Metadata; refused: string[] } {
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    throw new Error("Tệp siêu dữ liệu DHIS2 phải là một đối tượng JSON (bản xuất /api/metadata).");
  }
  const doc = json as Record<string, unknown>;
  const found = new Map<string, Dhis2Object>();
  const refused: string[] = [];
  objectsOf(doc.dataElements, "dataElement", found, refused);
  objectsOf(doc.organisationUnits, "orgUnit", found, refused);
  objectsOf(doc.categoryOptionCombos, "categoryOptionCombo", found, refused);
  if (Array.isArray(doc.categoryCombos)) {
    for (const cc of doc.categoryCombos) {
      const combos = (cc as Record<string, unknown> | null)?.categoryOptionCombos;
      objectsOf(combos, "categoryOptionCombo", found, refused);
    }
  }
  if (found.size === 0) {
    throw new Error(
      "Tệp không có dataElements, categoryOptionCombos hay organisationUnits nào (cần bản xuất /api/metadata của DHIS2).",
    );
  }
  const system = doc.system as Record<string, unknown> | undefined;
  return {
    metadata: {
      systemVersion: typeof system?.version === "string" ? system.version : null,
      objects: [...found.values()],
    },
    refused,
  };
}

export interface LocalObject {
  /** Element or unit id; for a combo the breakdown option ('' for the whole figure). */
  key: number | string;
  code: string | null;
  names: string[];
  /** Units: in today's map (preferred over older units of the same name). */
  current?: boolean;
}

export interface Match {
  key: number | string | null;
  matchedBy: Dhis2MatchedBy | null;
  /** Why it stayed unmatched (two candidates of that name…), for the admin screen. */
  note: string | null;
}

const codeKey = (s: string) => s.trim().toLowerCase();

/**
 * Lộ Trình's object for one DHIS2 object: the default combo is the whole figure; else the same code;
 * else the same name (today's unit first); two candidates at the same step leave it unmatched.
 */
export function matchObject(o: Dhis2Object, locals: LocalObject[]): Match {
  if (o.kind === "categoryOptionCombo" && (o.uid === DEFAULT_COMBO_UID || codeKey(o.name) === "default")) {
    return { key: "", matchedBy: "default", note: null };
  }
  const pick = (candidates: LocalObject[], by: Dhis2MatchedBy): Match | null => {
    if (candidates.length === 0) return null;
    const current = candidates.filter((c) => c.current !== false);
    const list = current.length > 0 ? current : candidates;
    if (list.length === 1) return { key: (list[0] as LocalObject).key, matchedBy: by, note: null };
    return {
      key: null,
      matchedBy: null,
      note: `${list.length} đối tượng cùng ${by === "code" ? "mã" : "tên"} «${by === "code" ? o.code : o.name}»`,
    };
  };
  if (o.code) {
    const byCode = pick(
      locals.filter((l) => l.code !== null && codeKey(l.code) === codeKey(o.code as string)),
      "code",
    );
    if (byCode) return byCode;
  }
  const name = toneKey(o.name);
  const byName = pick(
    locals.filter((l) => l.names.some((n) => toneKey(n) === name)),
    "name",
  );
  return byName ?? { key: null, matchedBy: null, note: null };
}

/** DHIS2's id schemes; ATTRIBUTE:<uid> identifies an object by its value of that attribute. */
export type Dhis2IdScheme = "UID" | "CODE" | "NAME" | `ATTRIBUTE:${string}`;

/** The attribute UID of an ATTRIBUTE:<uid> scheme, else null. */
export const attributeOfScheme = (scheme: Dhis2IdScheme): string | null =>
  scheme.startsWith("ATTRIBUTE:") ? scheme.slice("ATTRIBUTE:".length) : null;

export interface IdSchemes {
  dataElement: Dhis2IdScheme;
  orgUnit: Dhis2IdScheme;
  categoryOptionCombo: Dhis2IdScheme;
}

/** "uid", "CODE", "name", "ATTRIBUTE:<uid>" → the scheme; anything else is refused with a reason. */
export function idSchemeOf(text: string | null | undefined): Dhis2IdScheme | null {
  if (text === null || text === undefined || text.trim() === "") return null;
  const upper = text.trim().toUpperCase();
  if (upper === "UID" || upper === "CODE" || upper === "NAME") return upper;
  const attribute = /^ATTRIBUTE:(.*)$/i.exec(text.trim());
  if (attribute) {
    const uid = (attribute[1] ?? "").trim();
    if (UID.test(uid)) return `ATTRIBUTE:${uid}`;
    throw new Error(`Kiểu định danh «${text}»: sau ATTRIBUTE: cần UID của thuộc tính (11 ký tự chữ và số).`);
  }
  throw new Error(`Kiểu định danh «${text}» không được hỗ trợ (chỉ UID, CODE, NAME, ATTRIBUTE:<uid>).`);
}

/** DHIS2's rule: the specific scheme of an object kind, else the general idScheme, else UID. */
export function idSchemesOf(given: {
  idScheme?: string | null;
  dataElementIdScheme?: string | null;
  orgUnitIdScheme?: string | null;
  categoryOptionComboIdScheme?: string | null;
}): IdSchemes {
  const general = idSchemeOf(given.idScheme) ?? "UID";
  return {
    dataElement: idSchemeOf(given.dataElementIdScheme) ?? general,
    orgUnit: idSchemeOf(given.orgUnitIdScheme) ?? general,
    categoryOptionCombo: idSchemeOf(given.categoryOptionComboIdScheme) ?? general,
  };
}
