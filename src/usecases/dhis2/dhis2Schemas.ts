/**
 * What the DHIS2 routes answer, declared for the OpenAPI document and enforced by the serializer (a
 * field not declared here is not sent). Shapes follow DHIS2's Web API: a data value set, and a
 * WebMessage around an ImportSummary.
 */
import { z } from "../shared/zod.ts";

const IdScheme = z.union([z.enum(["UID", "CODE", "NAME"]), z.templateLiteral(["ATTRIBUTE:", z.string()])]);
const Strategy = z.enum(["CREATE", "UPDATE", "CREATE_AND_UPDATE", "DELETE"]);

export const DataValueOut = z.object({
  dataElement: z.string(),
  period: z.string(),
  orgUnit: z.string(),
  categoryOptionCombo: z.string().optional(),
  attributeOptionCombo: z.string().optional(),
  value: z.string().nullable(),
  comment: z.string().nullable().optional(),
  storedBy: z.string().nullable().optional(),
  created: z.string().nullable().optional(),
  lastUpdated: z.string().nullable().optional(),
  followup: z.boolean().nullable().optional(),
  deleted: z.boolean().optional(),
});

/** GET /api/dataValueSets (JSON; what the export left out is counted by reason). */
export const DataValueSetOut = z.object({
  dataValues: z.array(DataValueOut),
  leftOut: z.object({ count: z.number(), reasons: z.record(z.string(), z.number()) }).optional(),
});

const Count = z.object({
  imported: z.number(),
  updated: z.number(),
  ignored: z.number(),
  deleted: z.number(),
});

export const ImportSummaryOut = z.object({
  responseType: z.literal("ImportSummary"),
  status: z.enum(["SUCCESS", "WARNING", "ERROR"]),
  description: z.string(),
  importOptions: z.object({
    dryRun: z.boolean(),
    importStrategy: Strategy,
    atomicMode: z.enum(["ALL", "NONE"]),
    idSchemes: z.object({
      dataElement: IdScheme,
      orgUnit: IdScheme,
      categoryOptionCombo: IdScheme,
    }),
    instance: z.string().nullable(),
  }),
  importCount: Count,
  conflicts: z.array(
    z.object({
      object: z.string(),
      property: z.string(),
      value: z.string(),
      errorCode: z.string(),
      indexes: z.array(z.number()),
    }),
  ),
  kept: z.object({
    storedBy: z.number(),
    created: z.number(),
    lastUpdated: z.number(),
    followup: z.number(),
  }),
  dataSetComplete: z.literal("false"),
});

/** POST /api/dataValueSets: DHIS2's WebMessage (200 OK, or 409 Conflict with the conflicts). */
export const WebMessageOut = z.object({
  httpStatus: z.enum(["OK", "Conflict"]),
  httpStatusCode: z.union([z.literal(200), z.literal(409)]),
  status: z.string(),
  message: z.string(),
  response: ImportSummaryOut,
});

const Instance = z.object({
  id: z.number(),
  name: z.string(),
  url: z.string().nullable(),
  system_version: z.string().nullable(),
  metadata_loaded_at: z.string().nullable(),
  created_at: z.string(),
  version: z.number(),
});

const Kind = z.enum(["dataElement", "categoryOptionCombo", "orgUnit"]);
const MatchedBy = z.enum(["uid", "code", "name", "default", "manual"]);

export const MappingsOut = z.object({
  instances: z.array(Instance),
  instance: Instance.nullable(),
  mappings: z.array(
    z.object({
      id: z.number(),
      kind: Kind,
      uid: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      path: z.string().nullable(),
      elementId: z.number().nullable(),
      unitId: z.number().nullable(),
      category: z.string().nullable(),
      matchedBy: MatchedBy.nullable(),
      version: z.number(),
      elementName: z.string().nullable(),
      unitName: z.string().nullable(),
    }),
  ),
  choices: z
    .object({
      elements: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })),
      units: z.array(z.object({ id: z.number(), code: z.string().nullable(), name: z.string() })),
      categories: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string() })),
    })
    .nullable(),
});

export const MetadataImportOut = z.object({
  instanceId: z.number(),
  objects: z.number(),
  matched: z.number(),
  unmatched: z.array(
    z.object({
      kind: Kind,
      uid: z.string(),
      code: z.string().nullable(),
      name: z.string(),
      note: z.string().nullable(),
    }),
  ),
  manual: z.number(),
  refused: z.array(z.string()),
});

export const MappingSetOut = z.object({
  id: z.number(),
  version: z.number(),
  element_id: z.number().nullable(),
  org_unit_id: z.number().nullable(),
  category: z.string().nullable(),
});

/** GET /api/dhis2/jobs: the scheduled exchanges and their last runs (never the secret). */
export const Dhis2JobsOut = z.array(
  z.object({
    id: z.number(),
    name: z.string(),
    instanceId: z.number(),
    instanceName: z.string(),
    direction: z.enum(["pull", "push"]),
    url: z.string(),
    authKind: z.enum(["basic", "token"]),
    username: z.string().nullable(),
    dataSet: z.string().nullable(),
    dataElements: z.array(z.string()),
    orgUnitRoot: z.string().nullable(),
    periodRule: z.string(),
    everyMinutes: z.number(),
    enabled: z.boolean(),
    nextRunAt: z.string(),
    leaseUntil: z.string().nullable(),
    version: z.number(),
    runs: z.array(
      z.object({
        id: z.number(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        status: z.enum(["running", "success", "warning", "error"]),
        periods: z.array(z.string()),
        imported: z.number(),
        updated: z.number(),
        ignored: z.number(),
        deleted: z.number(),
        conflicts: z.number(),
        message: z.string().nullable(),
      }),
    ),
  }),
);

export const Dhis2JobSavedOut = z.object({ id: z.number(), version: z.number() });
