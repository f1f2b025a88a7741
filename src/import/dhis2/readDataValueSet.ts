/**
 * Reads a DHIS2 data value set in any of the shapes DHIS2 sends or accepts — JSON (per-value fields, or
 * dataSet/period/orgUnit given once at the top), CSV, DXF2 XML and ADX XML — into one list of rows with
 * DHIS2's own field names and the row number each came from. Pure: identifiers are not resolved here
 * (that needs the mappings), and nothing is refused except what cannot be read at all; a row that
 * lacks a field keeps it empty and the importer reports it as a conflict.
 */
import { XMLParser } from "fast-xml-parser";
import { parseDhis2Period } from "../../domain/dhis2Periods.ts";
import { errors } from "../../errors.ts";

export type Dhis2Format = "json" | "csv" | "xml" | "adx";

export interface Dhis2Row {
  /** 1-based position in the payload (for conflicts: DHIS2 reports an index per value). */
  index: number;
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  /** ADX disaggregation written as category attributes (Sex_category="F") instead of a combo. */
  categoryOptions: Record<string, string>;
  attributeOptions: Record<string, string>;
  value: string | null;
  /** The value when JSON sent it as a number (read as such, not through its text: 1e308 stays a number). */
  numeric?: number;
  comment: string | null;
  storedBy: string | null;
  created: string | null;
  lastUpdated: string | null;
  followup: boolean | null;
  deleted: boolean;
}

export interface Dhis2Header {
  dataSet: string | null;
  completeDate: string | null;
  /** id schemes written in the payload itself (DXF2 XML root attributes), lower-cased keys. */
  idSchemes: Record<string, string>;
}

export interface Dhis2Payload {
  format: Dhis2Format;
  header: Dhis2Header;
  rows: Dhis2Row[];
}

const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());
const optional = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const bool = (v: unknown): boolean | null => {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "boolean") return v;
  return String(v).toLowerCase() === "true";
};

function row(index: number, v: Record<string, unknown>, defaults: Record<string, unknown>): Dhis2Row {
  const pick = (key: string) =>
    v[key] !== undefined && v[key] !== null && v[key] !== "" ? v[key] : defaults[key];
  return {
    index,
    dataElement: str(pick("dataElement")),
    period: str(pick("period")),
    orgUnit: str(pick("orgUnit")),
    categoryOptionCombo: str(pick("categoryOptionCombo")),
    attributeOptionCombo: str(pick("attributeOptionCombo")),
    categoryOptions: {},
    attributeOptions: {},
    value: v.value === null || v.value === undefined ? null : String(v.value),
    ...(typeof v.value === "number" ? { numeric: v.value } : {}),
    comment: optional(v.comment),
    storedBy: optional(v.storedBy),
    created: optional(v.created),
    lastUpdated: optional(v.lastUpdated ?? v.timestamp),
    followup: bool(v.followup),
    deleted: bool(v.deleted) === true,
  };
}

function fromJson(text: string): Dhis2Payload {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.validation("Tệp JSON không đọc được (sai cú pháp JSON).");
  }
  return readDataValueSetJson(body);
}

/** A JSON data value set already parsed (the server's JSON body). */
export function readDataValueSetJson(body: unknown): Dhis2Payload {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw errors.validation("Tệp JSON phải là một đối tượng dataValueSet có mảng «dataValues».");
  }
  const set = body as Record<string, unknown>;
  const values = set.dataValues;
  if (!Array.isArray(values)) throw errors.validation("Thiếu mảng «dataValues» trong tệp JSON.");
  const defaults = {
    period: set.period,
    orgUnit: set.orgUnit,
    attributeOptionCombo: set.attributeOptionCombo,
  };
  return {
    format: "json",
    header: {
      dataSet: optional(set.dataSet),
      completeDate: optional(set.completeDate ?? set.completedDate),
      idSchemes: {},
    },
    rows: values.map((v, i) =>
      row(i + 1, v && typeof v === "object" ? (v as Record<string, unknown>) : {}, defaults),
    ),
  };
}

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      out.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    out.push(record);
  }
  return out.filter((r) => r.some((f) => f.trim() !== ""));
}

const CSV_COLUMNS: Record<string, string> = {
  dataelement: "dataElement",
  period: "period",
  orgunit: "orgUnit",
  categoryoptioncombo: "categoryOptionCombo",
  attributeoptioncombo: "attributeOptionCombo",
  value: "value",
  storedby: "storedBy",
  timestamp: "lastUpdated",
  lastupdated: "lastUpdated",
  created: "created",
  comment: "comment",
  followup: "followup",
  deleted: "deleted",
};
/** DHIS2's column order, for a CSV file that comes without a header row. */
const CSV_ORDER = [
  "dataElement",
  "period",
  "orgUnit",
  "categoryOptionCombo",
  "attributeOptionCombo",
  "value",
  "storedBy",
  "lastUpdated",
  "comment",
  "followup",
  "deleted",
];

function fromCsv(text: string): Dhis2Payload {
  const records = csvRecords(text.replace(/^\uFEFF/, ""));
  const first = records[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  const hasHeader = first.includes("dataelement");
  const columns = hasHeader ? first.map((h) => CSV_COLUMNS[h] ?? h) : CSV_ORDER;
  const body = hasHeader ? records.slice(1) : records;
  return {
    format: "csv",
    header: { dataSet: null, completeDate: null, idSchemes: {} },
    rows: body.map((fields, i) => {
      const v: Record<string, unknown> = {};
      columns.forEach((name, k) => {
        const f = fields[k];
        v[name] = f === undefined || f === "" ? undefined : f;
      });
      return row(i + 1, v, {});
    }),
  };
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // no DTD, no entities: a hostile file cannot expand ("billion laughs") or reach outside (XXE)
  processEntities: false,
  removeNSPrefix: true,
  isArray: (name) => name === "dataValue" || name === "group",
  parseAttributeValue: false,
  parseTagValue: false,
});

function asList(v: unknown): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter(
    (x): x is Record<string, unknown> => typeof x === "object" && x !== null,
  );
}

const VALUE_FIELDS = new Set([
  "dataElement",
  "period",
  "orgUnit",
  "categoryOptionCombo",
  "attributeOptionCombo",
  "value",
  "comment",
  "storedBy",
  "created",
  "lastUpdated",
  "timestamp",
  "followup",
  "deleted",
  "annotation",
  "#text",
]);

function fromXml(text: string): Dhis2Payload {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw errors.validation(
      "Tệp XML có khai báo DOCTYPE/ENTITY; hệ thống không đọc loại tệp này vì lý do an toàn.",
    );
  }
  let doc: Record<string, unknown>;
  try {
    doc = xml.parse(text) as Record<string, unknown>;
  } catch {
    throw errors.validation("Tệp XML không đọc được (sai cú pháp XML).");
  }
  if (doc.adx) return fromAdx(doc.adx as Record<string, unknown>);
  const set = doc.dataValueSet as Record<string, unknown> | undefined;
  if (!set) throw errors.validation("Tệp XML không phải dataValueSet (DXF2) hay ADX.");
  const idSchemes: Record<string, string> = {};
  for (const [k, v] of Object.entries(set)) if (/idscheme$/i.test(k)) idSchemes[k.toLowerCase()] = String(v);
  const defaults = {
    period: set.period,
    orgUnit: set.orgUnit,
    attributeOptionCombo: set.attributeOptionCombo,
  };
  return {
    format: "xml",
    header: { dataSet: optional(set.dataSet), completeDate: optional(set.completeDate), idSchemes },
    rows: asList(set.dataValue).map((v, i) => row(i + 1, v, defaults)),
  };
}

/** ADX writes a period as start/duration ("2020-01-01/P1M"): the DHIS2 identifier of that span. */
export function adxPeriodToDhis2(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([DWMY])$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, n, unit] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]];
  const pad = (x: number) => String(x).padStart(2, "0");
  const candidates: string[] = [];
  if (unit === "D" && n === 1) candidates.push(`${y}${pad(mo)}${pad(d)}`);
  if (d === 1 && unit === "M" && n === 1) candidates.push(`${y}${pad(mo)}`);
  if (d === 1 && unit === "M" && n === 2) candidates.push(`${y}${pad((mo + 1) / 2)}B`);
  if (d === 1 && unit === "M" && n === 3)
    candidates.push(`${y}Q${(mo + 2) / 3}`, `${mo === 11 ? y + 1 : y}NovQ1`);
  if (d === 1 && unit === "M" && n === 6)
    candidates.push(
      `${y}S${mo === 1 ? 1 : 2}`,
      `${y}AprilS${mo === 4 ? 1 : 2}`,
      `${mo === 11 ? y + 1 : y}NovS${mo === 11 ? 1 : 2}`,
    );
  if (d === 1 && ((unit === "Y" && n === 1) || (unit === "M" && n === 12))) {
    const fin: Record<number, string> = { 1: "", 4: "April", 7: "July", 9: "Sep", 10: "Oct", 11: "Nov" };
    if (fin[mo] !== undefined) candidates.push(`${y}${fin[mo]}`);
  }
  if ((unit === "D" && (n === 7 || n === 14)) || (unit === "W" && (n === 1 || n === 2))) {
    const days = unit === "D" ? n : n * 7;
    for (let w = 1; w <= 53; w++) {
      for (const prefix of days === 14 ? ["BiW"] : ["W", "WedW", "ThuW", "SatW", "SunW"]) {
        for (const year of [y, y + 1]) candidates.push(`${year}${prefix}${w}`);
      }
    }
  }
  const start = `${y}-${pad(mo)}-${pad(d)}`;
  for (const id of candidates) {
    const p = parseDhis2Period(id);
    if (!p || p.start !== start) continue;
    const length = (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1;
    if (unit === "D" && length !== n) continue;
    if (unit === "W" && length !== n * 7) continue;
    return id;
  }
  return null;
}

const GROUP_FIELDS = new Set(["dataSet", "period", "orgUnit", "attributeOptionCombo", "dataValue", "xmlns"]);

/** ADX's category attributes (Sex_category="F"): every attribute that is not one of the known fields. */
function categoryAttributes(v: Record<string, unknown>, known: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (!known.has(k) && k !== "xmlns" && typeof val !== "object") out[k] = String(val);
  }
  return out;
}

function fromAdx(adx: Record<string, unknown>): Dhis2Payload {
  const rows: Dhis2Row[] = [];
  let dataSet: string | null = null;
  for (const group of asList(adx.group)) {
    dataSet ??= optional(group.dataSet);
    const period = adxPeriodToDhis2(str(group.period)) ?? str(group.period);
    const groupAttributes = categoryAttributes(group, GROUP_FIELDS);
    for (const v of asList(group.dataValue)) {
      const r = row(rows.length + 1, v, {
        period,
        orgUnit: group.orgUnit,
        attributeOptionCombo: group.attributeOptionCombo,
      });
      r.categoryOptions = categoryAttributes(v, VALUE_FIELDS);
      r.attributeOptions = groupAttributes;
      if (r.comment === null && typeof v.annotation === "string") r.comment = v.annotation;
      rows.push(r);
    }
  }
  return { format: "adx", header: { dataSet, completeDate: null, idSchemes: {} }, rows };
}

/** Which shape a payload is, from its content type or file name, else from its first character. */
export function detectDhis2Format(text: string, hint = ""): Dhis2Format {
  const h = hint.toLowerCase();
  if (h.includes("adx")) return "adx";
  if (h.includes("csv")) return "csv";
  if (h.includes("xml")) return "xml";
  if (h.includes("json")) return "json";
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "{" || first === "[") return "json";
  if (first === "<") return "xml";
  return "csv";
}

export function readDataValueSet(text: string, hint = ""): Dhis2Payload {
  const format = detectDhis2Format(text, hint);
  if (format === "json") return fromJson(text);
  if (format === "csv") return fromCsv(text);
  return fromXml(text);
}
