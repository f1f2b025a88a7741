import type { ColumnType, Generated } from "kysely";

/** A reassignment of a task's lead bodies, dated, so past days are counted under the bodies of the day. */
export interface TaskLeadChangeTable {
  id: Generated<number>;
  task_id: number;
  /** The day (Vietnam) the new lead bodies took over. */
  on_date: ColumnType<string, string, string>;
  before_unit_ids: number[];
  after_unit_ids: number[];
  reason: string;
  author_id: number | null;
  author_name: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
