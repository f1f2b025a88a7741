import type { Database } from "./schema.ts";

/** Every table, parents before children: the order for backup, restore and wiping. */
export const TABLES_IN_ORDER: (keyof Database)[] = [
  "org_unit",
  "org_unit_parent",
  "org_unit_lineage",
  "org_unit_alias",
  "app_user",
  "user_session",
  "audit_log",
  "reference_data",
  "document",
  "document_link",
  "plan_target",
  "plan_task",
  "task_body",
  "task_lead_change",
  "indicator_row",
  "task_occurrence",
  "occurrence_update",
  "attachment",
  "notification",
  "email_digest",
  "data_element",
  "indicator",
  "period",
  "data_value",
  "reported_value",
  "form_status",
  "indicator_target",
  "report_round",
  "report_submission",
  "dhis2_instance",
  "dhis2_mapping",
  "dhis2_value_meta",
  "dhis2_job",
  "dhis2_job_run",
  "public_document",
  "public_target",
  "idempotent_request",
];

/**
 * Derived tables, rebuilt from the rows above (rollupRepository.rebuildRollups; the scoreboard's counts
 * by scoreCounts.refreshScoreCounts, from what the triggers list): never backed up, and rebuilt after a
 * restore.
 */
export const DERIVED_TABLES: (keyof Database)[] = [
  "unit_ancestry",
  "value_rollup",
  "rollup_state",
  "unit_teaching",
  "coverage_total",
  "coverage_rollup",
  "score_dirty",
  "score_segment",
  "score_count",
];

/** Tables left out of a backup (sessions are not worth keeping: a restore signs everyone out). */
export const NOT_BACKED_UP = new Set<keyof Database>(["user_session"]);

/** Tables keyed by other columns; every other table has a serial `id` whose sequence follows restored rows. */
const NOT_SERIAL = new Set<keyof Database>([
  "user_session",
  "reference_data",
  "email_digest",
  "form_status",
  "dhis2_value_meta",
  "public_document",
  "public_target",
  "idempotent_request",
]);
export const SERIAL_TABLES = new Set<keyof Database>(TABLES_IN_ORDER.filter((t) => !NOT_SERIAL.has(t)));
