import { z } from "zod";
import { STATES } from "../../domain/status.ts";
import { OCCURRENCE_ACTIONS } from "../../domain/transitions.ts";
import { binary, day, id, instant, Timeframe } from "./wire.ts";

/*
 * The contract of tasks, their occurrences, "Việc của tôi" and the scoreboard: the response schemas the
 * server declares on its routes (anything undeclared would be dropped on the way out; the test
 * server/responseContract.test.ts keeps them complete) and the web's types (`Answer<typeof …>`).
 */

export const State = z.enum(STATES);
export const TIMELINESS = [
  "in_time",
  "due_soon",
  "overdue",
  "no_deadline",
  "done_on_time",
  "done_late",
  "done",
] as const;
export const Timeliness = z.enum(TIMELINESS);
export const Action = z.enum(OCCURRENCE_ACTIONS);

/** One occurrence as the register lists it (db/repositories/taskQueries.searchRegister). */
export const RegisterRow = z.object({
  id,
  label: z.string(),
  kind: z.string(),
  due_on: day.nullable(),
  period_year: z.number().int().nullable(),
  original_due_on: day.nullable(),
  state: State,
  percent: z.number(),
  completed_on: day.nullable(),
  version: z.number().int(),
  resume_state: State.nullable(),
  task_id: id,
  ref: z.string(),
  title: z.string(),
  timeframe_text: z.string(),
  product: z.string().nullable(),
  document_id: id,
  document_number: z.string().nullable(),
  document_title: z.string().nullable(),
  timeliness: Timeliness,
  lead: z.string().nullable(),
  support: z.string().nullable(),
  /** A member's share of a set-led task: its parent; a parent shows shares_done/shares_total. */
  share_of: id.nullable(),
  share_unit_id: id.nullable(),
  shares_done: z.number().int().nullable(),
  shares_total: z.number().int(),
  /** The body answering for it has ceased (đơn vị đã giải thể). */
  lead_ceased: z.boolean(),
});

export const TaskRegister = z.object({
  rows: z.array(RegisterRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  today: day,
});

/** A row of the caller's work: where it sits in time, and what the caller may do on it now. */
export const WorkRow = RegisterRow.extend({ actions: z.array(Action) });

export const MyWork = z.object({
  total: z.number().int(),
  /** "unit": an officer's own work; "confirm": a coordinator's; "read": nothing asked of a leader. */
  mode: z.enum(["unit", "confirm", "read"]),
  rows: z.array(WorkRow.extend({ horizon: z.enum(["now", "next", "later"]) })),
  /** The later years' occurrences: listed only when asked (`withLater=true`), always counted. */
  later: z.array(WorkRow.extend({ horizon: z.enum(["now", "next", "later"]) })),
  laterCount: z.number().int(),
  pending: z.array(WorkRow),
  today: day,
  /** Reports the unit owes in open rounds. */
  reports: z.array(
    z.object({
      id,
      round_id: id,
      status: z.enum(["pending", "draft", "submitted", "returned", "accepted"]),
      reason: z.string().nullable(),
      title: z.string(),
      due_on: day,
      unit_name: z.string(),
    }),
  ),
});

/** An occurrence as stored (what every change answers with). */
export const Occurrence = z.object({
  id,
  task_id: id,
  label: z.string(),
  kind: z.string(),
  period_year: z.number().int().nullable(),
  due_on: day.nullable(),
  original_due_on: day.nullable(),
  state: State,
  percent: z.number(),
  completed_on: day.nullable(),
  confirmed_by: id.nullable(),
  confirmed_on: day.nullable(),
  resume_state: State.nullable(),
  created_at: instant,
  updated_at: instant,
  version: z.number().int(),
  share_of: id.nullable(),
  share_unit_id: id.nullable(),
});

/** The answer to a change of an occurrence (progress, propose, confirm, return, extend, pause). */
export const OccurrenceChange = z.object({
  occurrence: Occurrence,
  updateId: id,
  /** A repeated send (same Idempotency-Key): the first answer again, nothing written this time. */
  replayed: z.literal(true).optional(),
});

/** Whom a chase reached (usecases/chaseOccurrence.ts). */
export const ChaseOutcome = z.object({
  notified: z.number().int(),
  reached: z.array(
    z.object({
      unitName: z.string(),
      people: z.array(z.object({ name: z.string(), email: z.boolean() })),
    }),
  ),
  unreached: z.array(z.object({ body: z.string(), reason: z.enum(["not_a_unit", "no_users"]) })),
});

export const Update = z.object({
  id,
  occurrence_id: id,
  author_id: id.nullable(),
  author_name: z.string(),
  author_unit_id: id.nullable(),
  kind: z.string(),
  text: z.string(),
  percent: z.number().nullable(),
  product: z.string().nullable(),
  links: z.array(z.string()).nullable(),
  due_before: day.nullable(),
  due_after: day.nullable(),
  on_date: day,
  state_before: State.nullable(),
  state_after: State.nullable(),
  created_at: instant,
  attachments: z.array(
    z.object({ id, update_id: id, original_name: z.string(), mime: z.string(), size: z.number().int() }),
  ),
});

/** A task row as stored (the plan's page and the task's page both send it). */
export const TaskFields = z.object({
  id,
  document_id: id,
  ref: z.string(),
  group_ref: z.string().nullable(),
  group_title: z.string().nullable(),
  title: z.string(),
  timeframe_text: z.string(),
  timeframe: Timeframe,
  timeframe_kind: z.string(),
  due_on: day.nullable(),
  product: z.string().nullable(),
  note: z.string().nullable(),
  source: z.string(),
  position: z.number().int(),
  created_at: instant,
  updated_at: instant,
  version: z.number().int(),
});

export const TaskDetail = z.object({
  task: TaskFields.extend({
    search_key: z.string(),
    document_number: z.string().nullable(),
    document_title: z.string().nullable(),
    document_type: z.string().nullable(),
  }),
  bodies: z.array(
    z.object({
      role: z.enum(["lead", "support"]),
      text: z.string(),
      unit_id: id.nullable(),
      set_kind: z.string().nullable(),
      unit_name: z.string().nullable(),
    }),
  ),
  occurrences: z.array(
    Occurrence.extend({
      /** A member's share of a set-led task (its member), or a parent's progress over its shares. */
      share_unit_name: z.string().nullable(),
      share_unit_valid_to: day.nullable(),
      shares: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
      timeliness: Timeliness,
      /** What the signed-in person may do on it now (the server's transition table). */
      actions: z.array(Action),
      updates: z.array(Update),
    }),
  ),
  audit: z.array(
    z.object({
      id,
      at: instant,
      actor_name: z.string(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  /** What the server's policies allow the caller on this task. */
  can: z.object({
    report: z.enum(["lead", "support"]).nullable(),
    coordinate: z.boolean(),
    reassign: z.boolean(),
  }),
});

export const LeadReassigned = z.object({ version: z.number().int() });

const Counts = z.object({
  assigned: z.number().int(),
  done: z.number().int(),
  done_on_time: z.number().int(),
  done_late: z.number().int(),
  overdue: z.number().int(),
  in_time: z.number().int(),
  no_deadline: z.number().int(),
  rate: z.number().nullable(),
});

export const Scoreboard = z.object({
  asOf: day,
  rows: z.array(Counts.extend({ unit_id: id, unit_name: z.string() })),
  total: Counts,
});

/** The register's file: XLSX after the appendix's template, or CSV. */
export const RegisterFile = {
  200: {
    description: "Tệp sổ nhiệm vụ",
    content: {
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
        schema: binary,
      },
      "text/csv": { schema: binary },
    },
  },
};
