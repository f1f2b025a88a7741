/**
 * DHIS2's /api/dataValueSets, as Lộ Trình answers it (both `/api/dataValueSets` and
 * `/api/datavaluesets`): the query parameters DHIS2 documents read into options, the payload in any
 * shape DHIS2 sends (JSON with or without the dataSet/period/orgUnit header, CSV, DXF2 XML, ADX), and
 * the work done by `dhis2/importDataValues.ts` and `dhis2/exportDataValues.ts`.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { idSchemesOf } from "../domain/dhis2Metadata.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import {
  type Dhis2Payload,
  readDataValueSet,
  readDataValueSetJson,
} from "../import/dhis2/readDataValueSet.ts";
import { type ExportedSet, exportDataValues } from "./dhis2/exportDataValues.ts";
import { importDataValues } from "./dhis2/importDataValues.ts";
import type { ImportSummary } from "./dhis2/importSummary.ts";
import { z } from "./shared/zod.ts";

const upper = <T extends string>(values: readonly [T, ...T[]]) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.enum(values));
const flag = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() === "true" : v),
  z.boolean(),
);
const scheme = z.string().max(40).optional();

const SchemeQuery = {
  idScheme: scheme,
  dataElementIdScheme: scheme,
  orgUnitIdScheme: scheme,
  categoryOptionComboIdScheme: scheme,
  /** The DHIS2 instance whose mappings to use (its name); default: the only one, if any. */
  instance: z.string().max(100).optional(),
};

export const DataValueSetImportQuery = z.object({
  dryRun: flag.optional(),
  importStrategy: upper(["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE"]).optional(),
  atomicMode: upper(["ALL", "NONE"]).optional(),
  ...SchemeQuery,
});

export const DataValueSetExportQuery = z.object({
  /** Comma-separated or repeated, DHIS2 or Lộ Trình identifiers. */
  period: z.union([z.string().max(2000), z.array(z.string().max(40)).max(200)]).optional(),
  orgUnit: z.union([z.string().max(2000), z.array(z.string().max(100)).max(500)]).optional(),
  children: flag.optional(),
  ...SchemeQuery,
});

const list = (v: string | string[] | undefined) =>
  v === undefined ? undefined : (Array.isArray(v) ? v : v.split(",")).map((x) => x.trim()).filter(Boolean);

interface GivenSchemes {
  idScheme?: string;
  dataElementIdScheme?: string;
  orgUnitIdScheme?: string;
  categoryOptionComboIdScheme?: string;
}

function schemes(given: GivenSchemes, header: Record<string, string> = {}) {
  try {
    return idSchemesOf({
      idScheme: given.idScheme ?? header.idscheme,
      dataElementIdScheme: given.dataElementIdScheme ?? header.dataelementidscheme,
      orgUnitIdScheme: given.orgUnitIdScheme ?? header.orgunitidscheme,
      categoryOptionComboIdScheme: given.categoryOptionComboIdScheme ?? header.categoryoptioncomboidscheme,
    });
  } catch (e) {
    throw errors.validation((e as Error).message);
  }
}

/** The payload read from the request body: parsed JSON, or the text of CSV, DXF2 XML or ADX. */
export function readPayload(body: unknown, contentType = ""): Dhis2Payload {
  if (typeof body === "string") return readDataValueSet(body, contentType);
  if (body === undefined || body === null)
    throw errors.validation("Không có dữ liệu: cần một dataValueSet (JSON, CSV, XML hoặc ADX).");
  return readDataValueSetJson(body);
}

export async function importDataValueSets(
  db: Kysely<Database>,
  actor: Actor,
  body: unknown,
  query: z.infer<typeof DataValueSetImportQuery> = {},
  contentType = "",
): Promise<ImportSummary> {
  const payload = readPayload(body, contentType);
  return importDataValues(db, actor, payload, {
    dryRun: query.dryRun ?? false,
    importStrategy: query.importStrategy ?? "CREATE_AND_UPDATE",
    atomicMode: query.atomicMode ?? "NONE",
    idSchemes: schemes(query, payload.header.idSchemes),
    instance: query.instance,
  });
}

export function exportDataValueSets(
  db: Kysely<Database>,
  query: z.infer<typeof DataValueSetExportQuery> = {},
): Promise<ExportedSet> {
  return exportDataValues(db, {
    periods: list(query.period),
    orgUnits: list(query.orgUnit),
    children: query.children,
    instance: query.instance,
    idSchemes: schemes(query),
  });
}
