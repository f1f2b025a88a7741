/** Row types of the reporting rounds (migration 0010_reports). */
import type { ColumnType, Generated } from "kysely";
import type { RoundKind, SubmissionStatus } from "../domain/reportSubmission.ts";

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReportRoundTable {
  id: Generated<number>;
  kind: RoundKind;
  document_id: number;
  year: number;
  window_from: DateCol;
  window_to: DateCol;
  due_on: DateCol;
  level_unit_id: number;
  title: string;
  status: Generated<"open" | "closed">;
  opened_by: number | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface ReportSubmissionTable {
  id: Generated<number>;
  round_id: number;
  unit_id: number;
  status: Generated<SubmissionStatus>;
  /** The judgement parts the body wrote, by key (direction, tasks, targets, causes, next, proposals). */
  content: ColumnType<Record<string, string>, string | undefined, string>;
  number: number | null;
  issued_on: DateCol | null;
  signer: string | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  reason: string | null;
  chased_at: Timestamp | null;
  chase_count: Generated<number>;
  scan_name: string | null;
  scan_stored: string | null;
  scan_mime: string | null;
  scan_size: number | null;
  scan_sha256: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}
