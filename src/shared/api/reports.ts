import { z } from "zod";
import { ChaseOutcome } from "./tasks.ts";
import { binary, day, id, instant } from "./wire.ts";

/*
 * The contract of periodic reports: rounds, the bodies' submissions, generated report models. Response
 * schemas on the server (routes/reports.ts), types for the web (`Answer<typeof …>`, web/reports.ts).
 */

export const SubmissionStatus = z.enum(["pending", "draft", "submitted", "returned", "accepted"]);
const RoundKind = z.enum(["six_month", "annual", "review_mid", "review_final"]);

export const RoundRow = z.object({
  id,
  kind: RoundKind,
  document_id: id,
  year: z.number().int(),
  window_from: day,
  window_to: day,
  due_on: day,
  level_unit_id: id,
  title: z.string(),
  status: z.enum(["open", "closed"]),
  opened_by: id.nullable(),
  created_at: instant,
  version: z.number().int(),
});

export const Rounds = z.object({
  rounds: z.array(
    RoundRow.extend({
      document_number: z.string().nullable(),
      level_name: z.string(),
      asked: z.number().int(),
      received: z.number().int(),
    }),
  ),
});

export const RoundOpened = z.object({ round: RoundRow.extend({ asked: z.number().int() }) });

/** A body's row in a round, with what the caller may do on it (the server's report policy). */
export const RoundSubmission = z.object({
  id,
  unit_id: id,
  unit_name: z.string(),
  status: SubmissionStatus,
  content: z.record(z.string(), z.string()),
  number: z.number().int().nullable(),
  issued_on: day.nullable(),
  submitted_at: instant.nullable(),
  reviewed_at: instant.nullable(),
  reason: z.string().nullable(),
  chased_at: instant.nullable(),
  chase_count: z.number().int(),
  scan_name: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ write: z.boolean() }),
  late: z.boolean(),
});

export const RoundDetail = z.object({
  round: RoundRow.extend({
    document_number: z.string().nullable(),
    document_title: z.string().nullable(),
    level_name: z.string(),
  }),
  today: day,
  can: z.object({ manage: z.boolean() }),
  submissions: z.array(RoundSubmission),
});

/** A submission as stored, after a change (draft, submit, return, accept, scan). */
export const Submission = z.object({
  id,
  round_id: id,
  unit_id: id,
  unit_name: z.string(),
  status: SubmissionStatus,
  content: z.record(z.string(), z.string()),
  number: z.number().int().nullable(),
  issued_on: day.nullable(),
  signer: z.string().nullable(),
  submitted_at: instant.nullable(),
  submitted_by: id.nullable(),
  reviewed_at: instant.nullable(),
  reviewed_by: id.nullable(),
  reason: z.string().nullable(),
  chased_at: instant.nullable(),
  chase_count: z.number().int(),
  scan_name: z.string().nullable(),
  scan_stored: z.string().nullable(),
  scan_mime: z.string().nullable(),
  scan_size: z.number().int().nullable(),
  scan_sha256: z.string().nullable(),
  updated_at: instant,
  version: z.number().int(),
});

export const SubmissionChanged = z.object({ submission: Submission });
/** A chase: the submission after it, and whom it reached — the same answer as a task's chase. */
export const SubmissionChased = ChaseOutcome.extend({ submission: Submission });

const ReportTable = z.object({
  id: z.string(),
  sheet: z.string(),
  title: z.string(),
  columns: z.array(
    z.object({
      header: z.string(),
      kind: z.enum(["text", "int", "number", "percent"]),
      width: z.number(),
    }),
  ),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  groupRows: z.array(z.number().int()).optional(),
});

/** One report, as reports/model.ts builds it: what the HTML preview shows and the DOCX/XLSX carry. */
export const ReportModel = z.object({
  layout: z.enum(["state", "party"]),
  parentLine: z.string().nullable(),
  issuerLine: z.string(),
  symbol: z.string(),
  number: z.number().int().nullable(),
  place: z.string(),
  issuedOn: day.nullable(),
  year: z.number().int(),
  summary: z.string(),
  recipients: z.array(z.string()),
  body: z.array(
    z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("heading"),
        level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
        text: z.string(),
      }),
      z.object({ kind: z.literal("para"), text: z.string() }),
      z.object({
        kind: z.literal("judgement"),
        key: z.string(),
        prompt: z.string(),
        text: z.string().nullable(),
      }),
      z.object({ kind: z.literal("table"), table: ReportTable }),
    ]),
  ),
  appendices: z.array(ReportTable),
  noiNhan: z.array(z.string()),
  signature: z.object({
    onBehalf: z.string(),
    capacity: z.string(),
    position: z.string(),
    name: z.string(),
  }),
});

/** POST /api/reports/generate: the model as JSON, or the DOCX/XLSX file. */
export const Generated = {
  200: {
    description: "Báo cáo: mô hình (json) hoặc tệp DOCX/XLSX",
    content: {
      "application/json": { schema: z.object({ model: ReportModel }) },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: binary },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: binary },
    },
  },
};

/** The signed scan of a submission, as it was sent (PDF or image). */
export const Scan = {
  200: {
    description: "Bản scan có chữ ký",
    content: { "application/pdf": { schema: binary }, "image/*": { schema: binary } },
  },
};
