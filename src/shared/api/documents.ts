import { z } from "zod";
import { TaskFields } from "./tasks.ts";
import { day, flags, Timeframe, timestamp, type Wire } from "./wire.ts";

/*
 * Plan documents (GET/POST /api/documents…, POST /api/imports/draft): the cascade, one document with
 * what was read from it, its alignment with the plans above, the importer's draft and what an import
 * changed.
 */

export const Relation = z.enum(["implements", "cites"]);

export const GraphNode = z.object({
  id: z.number().int(),
  held: z.boolean(),
  type: z.string().nullable(),
  number: z.string().nullable(),
  issuedOn: day.nullable(),
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  tasks: z.number().int(),
  targets: z.number().int(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const PlanGraph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(z.object({ from: z.number().int(), to: z.number().int(), relation: Relation })),
  can: flags("read", "import"),
});
export type PlanGraph = z.infer<typeof PlanGraph>;
export type GraphEdge = PlanGraph["edges"][number];

export const DocumentWarning = z.object({ code: z.string(), message: z.string(), where: z.string() });

export const TaskBody = z.object({
  task_id: z.number().int(),
  role: z.enum(["lead", "support"]),
  text: z.string(),
  unit_id: z.number().int().nullable(),
  set_kind: z.string().nullable(),
  position: z.number().int(),
  unit_name: z.string().nullable(),
});
export type TaskBody = z.infer<typeof TaskBody>;

const LinkedDocument = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  held: z.boolean(),
  doc_type: z.string().nullable(),
  relation: Relation,
});

export const DocumentDetail = z.object({
  document: z.object({
    id: z.number().int(),
    identity_key: z.string(),
    held: z.boolean(),
    doc_type: z.string().nullable(),
    number: z.string().nullable(),
    number_key: z.string().nullable(),
    issued_on: day.nullable(),
    date_text: z.string().nullable(),
    issuer_text: z.string().nullable(),
    issuer_unit_id: z.number().int().nullable(),
    place: z.string().nullable(),
    title: z.string().nullable(),
    period_from: z.number().int().nullable(),
    period_to: z.number().int().nullable(),
    source_name: z.string().nullable(),
    source_format: z.string().nullable(),
    source_hash: z.string().nullable(),
    warnings: z.array(DocumentWarning).nullable(),
    imported_at: timestamp.nullable(),
    created_at: timestamp,
    version: z.number().int(),
    hasSource: z.boolean(),
  }),
  tasks: z.array(
    TaskFields.extend({
      bodies: z.array(TaskBody),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.number().int(),
      document_id: z.number().int(),
      ref: z.string(),
      text: z.string(),
      measure: z.string(),
      comparator: z.string().nullable(),
      comparator_text: z.string().nullable(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      year: z.number().int().nullable(),
      school_year: z.string().nullable(),
      recurring: z.boolean(),
      places: z.array(z.string()).nullable(),
      position: z.number().int(),
    }),
  ),
  indicators: z.array(
    z.object({
      id: z.number().int(),
      document_id: z.number().int(),
      ref: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      values: z.record(z.string(), z.number().nullable()),
      note: z.string().nullable(),
      position: z.number().int(),
    }),
  ),
  references: z.array(LinkedDocument),
  implementedBy: z.array(LinkedDocument),
});
export type DocumentDetail = Wire<z.infer<typeof DocumentDetail>>;

/** How a lower plan lines up with each plan above it (domain/alignment.ts). */
const Brief = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  held: z.boolean(),
  type: z.string().nullable(),
});
const AlignTarget = z.object({
  id: z.number().int(),
  ref: z.string(),
  measure: z.string(),
  comparator: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
});
export const Alignment = z.object({
  document: Brief,
  parents: z.array(
    z.object({
      parent: Brief,
      missing: z.array(Brief),
      targets: z.array(
        z.object({
          verdict: z.enum(["same", "stricter", "weaker", "dropped", "added"]),
          parent: AlignTarget.nullable(),
          child: AlignTarget.nullable(),
          reasons: z.array(z.string()),
        }),
      ),
      tasksWithoutCounterpart: z.array(
        z.object({ id: z.number().int(), ref: z.string(), title: z.string() }),
      ),
    }),
  ),
  /** Plans above with no held plan anywhere above them: not compared, named so that one can get them. */
  notHeldAbove: z.array(Brief),
  implementedBy: z.array(Brief),
  bodiesWithoutPlan: z.array(
    z.object({ unitId: z.number().int(), name: z.string(), tasks: z.number().int() }),
  ),
});
export type Alignment = z.infer<typeof Alignment>;

/** What an import changed (POST /api/documents). */
export const ImportChanges = z.object({
  created: z.boolean(),
  documentId: z.number().int(),
  tasks: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  targets: z.object({ before: z.number().int(), after: z.number().int() }),
  indicators: z.object({ before: z.number().int(), after: z.number().int() }),
  figures: z.object({
    figures: z.number().int(),
    targets: z.number().int(),
    skipped: z.array(z.string()),
    unmatched: z.array(z.string()),
    warnings: z.array(z.string()),
    /** Indicators the reviewer chose to create from rows that matched none in the catalog. */
    created: z.array(z.object({ ref: z.string(), indicatorId: z.number().int() })),
  }),
  createdBodies: z.array(z.string()),
  unresolvedBodies: z.array(z.string()),
});
export type ImportChanges = z.infer<typeof ImportChanges>;

/** The importer's draft (import/draft.ts), before a person confirms it. */
export const PlanDraft = z.object({
  document: z.object({
    type: z.string().nullable(),
    typeName: z.string().nullable(),
    number: z.string().nullable(),
    issuedOn: day.nullable(),
    dateText: z.string().nullable(),
    issuer: z.string().nullable(),
    place: z.string().nullable(),
    title: z.string().nullable(),
    period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    references: z.array(
      z.object({
        number: z.string(),
        type: z.string().nullable(),
        issuedOn: day.nullable(),
        issuer: z.string().nullable(),
        relation: Relation,
        implementsNumber: z.string().nullable(),
      }),
    ),
  }),
  targets: z.array(
    z.object({
      ref: z.string(),
      text: z.string(),
      measure: z.string(),
      comparator: z.enum([">=", ">", "<=", "<", "="]).nullable(),
      comparatorText: z.string().nullable(),
      value: z.number().nullable(),
      unit: z.string().nullable(),
      year: z.number().int().nullable(),
      schoolYear: z.string().nullable(),
      recurring: z.boolean(),
      places: z.array(z.string()),
    }),
  ),
  tasks: z.array(
    z.object({
      ref: z.string(),
      group: z.string().nullable(),
      groupTitle: z.string().nullable(),
      title: z.string(),
      lead: z.array(z.string()),
      support: z.array(z.string()),
      timeframe: Timeframe,
      product: z.string().nullable(),
      note: z.string().nullable(),
      source: z.enum(["table", "duties"]),
      line: z.number().int(),
    }),
  ),
  indicators: z.array(
    z.object({
      ref: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      values: z.record(z.string(), z.number().nullable()),
      raw: z.record(z.string(), z.string().nullable()).optional(),
      note: z.string().nullable(),
      line: z.number().int(),
      text: z.string().optional(),
      match: z
        .object({
          indicatorId: z.number().int(),
          code: z.string(),
          name: z.string(),
          unit: z.string(),
          score: z.number(),
          how: z.enum(["exact", "similar"]),
        })
        .nullable()
        .optional(),
    }),
  ),
  indicatorColumns: z
    .array(
      z.object({
        header: z.string(),
        kind: z.enum(["result", "target"]).nullable(),
        schoolYear: z.string().nullable(),
        year: z.number().int().nullable(),
        period: z.string().nullable(),
      }),
    )
    .optional(),
  bodies: z.array(
    z.object({
      text: z.string(),
      plural: z.boolean(),
      setKind: z.enum(["communes", "schools", "villages", "related", "other"]).nullable(),
      unit: z
        .object({
          id: z.number().int().nullable(),
          name: z.string(),
          match: z.enum(["exact", "tone_placement", "no_diacritics"]),
        })
        .nullable(),
    }),
  ),
  warnings: z.array(DocumentWarning),
  coverage: z.array(
    z.object({
      section: z.enum(["taskTable", "sections", "duties", "targets", "indicators"]),
      seen: z.number().int(),
      used: z.number().int(),
    }),
  ),
});
export type PlanDraft = z.infer<typeof PlanDraft>;

export const DraftAnswer = z.object({
  source: z.object({ name: z.string(), format: z.enum(["text", "docx", "pdf"]), text: z.string() }),
  draft: PlanDraft,
});
export type DraftAnswer = z.infer<typeof DraftAnswer>;
