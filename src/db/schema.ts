import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { OrgUnitKind } from "../domain/orgUnits.ts";
import type { Role } from "../domain/roles.ts";
import type { OccurrenceState } from "../domain/status.ts";

/** Dates are kept as ISO strings (yyyy-mm-dd) in `date` columns; timestamps as Date. */
type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface OrgUnitTable {
  id: Generated<number>;
  code: string | null;
  kind: OrgUnitKind;
  name: string;
  full_name: string;
  valid_from: DateCol | null;
  valid_to: DateCol | null;
  is_sample: Generated<boolean>;
  /** The levels a school teaches (migration 0011); null: read from its name. */
  education_levels: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface OrgUnitParentTable {
  id: Generated<number>;
  child_id: number;
  parent_id: number;
  valid_from: DateCol | null;
  valid_to: DateCol | null;
}

export interface OrgUnitLineageTable {
  id: Generated<number>;
  from_id: number;
  to_id: number;
  effective_on: DateCol;
  weight: ColumnType<string, number | string, number | string>;
  note: string | null;
}

export interface OrgUnitAliasTable {
  id: Generated<number>;
  unit_id: number;
  alias: string;
  tone_key: string;
  ascii_key: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  org_unit_id: number | null;
  email: string | null;
  is_demo: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Last request made with this session (kept to the minute), for the idle timeout. */
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
}

export interface ReferenceDataTable {
  name: string;
  version: string;
  loaded_at: Timestamp;
}

export interface DocumentTable {
  id: Generated<number>;
  identity_key: string;
  held: boolean;
  doc_type: string | null;
  number: string | null;
  number_key: string | null;
  issued_on: DateCol | null;
  date_text: string | null;
  issuer_text: string | null;
  issuer_unit_id: number | null;
  place: string | null;
  title: string | null;
  period_from: number | null;
  period_to: number | null;
  source_name: string | null;
  source_format: string | null;
  source_text: string | null;
  source_hash: string | null;
  warnings: Json | null;
  imported_at: Timestamp | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface DocumentLinkTable {
  id: Generated<number>;
  from_id: number;
  to_id: number;
  relation: "implements" | "cites";
}

export interface PlanTargetTable {
  id: Generated<number>;
  document_id: number;
  ref: string;
  text: string;
  measure: string;
  comparator: string | null;
  comparator_text: string | null;
  value: ColumnType<string | null, number | string | null, number | string | null>;
  unit: string | null;
  year: number | null;
  school_year: string | null;
  recurring: boolean;
  places: Json | null;
  position: number;
}

export interface PlanTaskTable {
  id: Generated<number>;
  document_id: number;
  ref: string;
  group_ref: string | null;
  group_title: string | null;
  title: string;
  timeframe_text: string;
  timeframe: Json;
  timeframe_kind: string;
  due_on: DateCol | null;
  product: string | null;
  note: string | null;
  source: string;
  position: number;
  search_key: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TaskOccurrenceTable {
  id: Generated<number>;
  task_id: number;
  label: string;
  kind: string;
  period_year: number | null;
  due_on: DateCol | null;
  original_due_on: DateCol | null;
  state: Generated<OccurrenceState>;
  percent: Generated<number>;
  completed_on: DateCol | null;
  confirmed_by: number | null;
  confirmed_on: DateCol | null;
  resume_state: OccurrenceState | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** A member's share of an occurrence led by a set of bodies (migration 0008). */
  share_of: Generated<number | null>;
  share_unit_id: Generated<number | null>;
}

export interface OccurrenceUpdateTable {
  id: Generated<number>;
  occurrence_id: number;
  author_id: number | null;
  author_name: string;
  author_unit_id: number | null;
  kind: string;
  text: Generated<string>;
  percent: number | null;
  product: string | null;
  links: Json | null;
  due_before: DateCol | null;
  due_after: DateCol | null;
  on_date: DateCol;
  state_before: OccurrenceState | null;
  state_after: OccurrenceState | null;
  created_at: Timestamp;
}

export interface AttachmentTable {
  id: Generated<number>;
  update_id: number;
  original_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  created_at: Timestamp;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  occurrence_id: number | null;
  message: string;
  dedupe_key: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
}

export interface EmailDigestTable {
  user_id: number;
  day: DateCol;
  sent_at: Timestamp;
  count: number;
}

export interface TaskBodyTable {
  id: Generated<number>;
  task_id: number;
  role: "lead" | "support";
  text: string;
  unit_id: number | null;
  set_kind: string | null;
  position: number;
}

export interface IndicatorRowTable {
  id: Generated<number>;
  document_id: number;
  ref: string;
  name: string;
  unit: string | null;
  values: Json;
  note: string | null;
  position: number;
}

export interface DataElementTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: string;
  /** 'count' (whole numbers), 'yes_no' (0/1) or 'decimal'; with the plausible range of one unit's value. */
  value_kind: Generated<"count" | "yes_no" | "decimal">;
  min_value: ColumnType<string, number | string | undefined, number | string>;
  max_value: ColumnType<string, number | string | undefined, number | string>;
  /** The education levels the element is about (migration 0011); null until the catalog decides. */
  education_levels: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name: string;
  definition: Generated<string>;
  unit: string;
  type: "rate" | "count" | "units_meeting" | "yes_no";
  direction: Generated<"higher" | "lower">;
  level: string;
  multiplier: Generated<number>;
  numerator_id: number | null;
  denominator_id: number | null;
  element_id: number | null;
  gross: Generated<boolean>;
  breakdowns: Json | null;
  source: string | null;
  version: Generated<number>;
}

export interface PeriodTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name: string;
  start_date: DateCol;
  end_date: DateCol;
  cutoff_from: DateCol | null;
  cutoff_to: DateCol | null;
}

export interface DataValueTable {
  id: Generated<number>;
  element_id: number;
  period_id: number;
  org_unit_id: number;
  value: ColumnType<string, number | string, number | string>;
  comment: string | null;
  is_sample: Generated<boolean>;
  /** '' for the whole figure, else a breakdown option ('sex.female', …): see domain/breakdowns.ts. */
  category: Generated<string>;
  updated_by: number | null;
  updated_at: Timestamp;
  /** The value's form is still in the unit's hands (draft or returned): left out of official totals. */
  draft: Generated<boolean>;
}

/** Derived (never backed up): the closure of one version of the map. */
export interface UnitAncestryTable {
  unit_id: number;
  ancestor_id: number;
  w: ColumnType<string, number | string, number | string>;
}

/** Derived (never backed up): weighted sums of the values below each unit, kept by triggers. */
export interface ValueRollupTable {
  ancestor_id: number;
  element_id: number;
  period_id: number;
  category: string;
  total: ColumnType<string, number | string, number | string>;
  value_count: number;
  sample_count: number;
}

export interface RollupStateTable {
  id: number;
  stale: boolean;
  built_for: DateCol | null;
  map_from: DateCol | null;
  map_to: DateCol | null;
}

export interface ReportedValueTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number;
  period_id: number;
  kind: "result" | "target";
  value: ColumnType<string, number | string, number | string>;
  source: string | null;
  /** The document whose indicator table gave it (migration 0012); null for other sources. */
  document_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface FormStatusTable {
  org_unit_id: number;
  period_id: number;
  status: Generated<"draft" | "submitted" | "approved" | "returned">;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reason: string | null;
  version: Generated<number>;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_id: number;
  org_unit_id: number;
  comparator: Generated<string>;
  value: ColumnType<string, number | string, number | string>;
  due_year: number;
  recurring: Generated<boolean>;
  scope: Generated<"unit" | "each_commune">;
  baseline_value: ColumnType<string | null, number | string | null, number | string | null>;
  baseline_year: number | null;
  document_id: number | null;
  label: string;
  version: Generated<number>;
  /** The indicator-table row of document_id that set it (migration 0012); null when set by hand. */
  source_row: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface Database {
  data_element: DataElementTable;
  indicator: IndicatorTable;
  period: PeriodTable;
  data_value: DataValueTable;
  unit_ancestry: UnitAncestryTable;
  value_rollup: ValueRollupTable;
  rollup_state: RollupStateTable;
  reported_value: ReportedValueTable;
  form_status: FormStatusTable;
  indicator_target: IndicatorTargetTable;
  task_occurrence: TaskOccurrenceTable;
  occurrence_update: OccurrenceUpdateTable;
  attachment: AttachmentTable;
  notification: NotificationTable;
  email_digest: EmailDigestTable;
  document: DocumentTable;
  document_link: DocumentLinkTable;
  plan_target: PlanTargetTable;
  plan_task: PlanTaskTable;
  task_body: TaskBodyTable;
  indicator_row: IndicatorRowTable;
  org_unit: OrgUnitTable;
  org_unit_parent: OrgUnitParentTable;
  org_unit_lineage: OrgUnitLineageTable;
  org_unit_alias: OrgUnitAliasTable;
  app_user: UserTable;
  user_session: SessionTable;
  audit_log: AuditLogTable;
  reference_data: ReferenceDataTable;
  task_lead_change: import("./tasksSchema.ts").TaskLeadChangeTable;
  report_round: import("./reportTables.ts").ReportRoundTable;
  report_submission: import("./reportTables.ts").ReportSubmissionTable;
  // @scoreboard
  score_dirty: import("./scoreTables.ts").ScoreDirtyTable;
  score_segment: import("./scoreTables.ts").ScoreSegmentTable;
  score_count: import("./scoreTables.ts").ScoreCountTable;
  // @overview
  unit_teaching: import("./coverageTables.ts").UnitTeachingTable;
  coverage_total: import("./coverageTables.ts").CoverageTotalTable;
  coverage_rollup: import("./coverageTables.ts").CoverageRollupTable;
  // @writes
  // @readcache
  // @pgworker
  dhis2_instance: import("./dhis2Tables.ts").Dhis2InstanceTable;
  dhis2_mapping: import("./dhis2Tables.ts").Dhis2MappingTable;
  dhis2_value_meta: import("./dhis2Tables.ts").Dhis2ValueMetaTable;
  dhis2_job: import("./dhis2JobTables.ts").Dhis2JobTable;
  dhis2_job_run: import("./dhis2JobTables.ts").Dhis2JobRunTable;
  // @suite
  idempotent_request: import("./idempotencyTables.ts").IdempotentRequestTable;
  // @checks
  // @spare
  public_document: import("./publicationSchema.ts").PublicDocumentTable;
  public_target: import("./publicationSchema.ts").PublicTargetTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
