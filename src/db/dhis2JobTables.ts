import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A scheduled pull from or push to a DHIS2 instance (migration 0019). */
export interface Dhis2JobTable {
  id: Generated<number>;
  instance_id: number;
  name: string;
  direction: "pull" | "push";
  url: string;
  auth_kind: "basic" | "token";
  username: string | null;
  /** The password or the personal access token: never sent back by the API, never logged. */
  secret: string;
  data_set: string | null;
  data_elements: ColumnType<string[], string[] | undefined, string[]>;
  org_unit_root: string | null;
  period_rule: string;
  every_minutes: number;
  enabled: Generated<boolean>;
  next_run_at: Timestamp;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** One run of a scheduled job and its summary. */
export interface Dhis2JobRunTable {
  id: Generated<number>;
  job_id: number;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  status: "running" | "success" | "warning" | "error";
  periods: ColumnType<string[], string[] | undefined, string[]>;
  imported: Generated<number>;
  updated: Generated<number>;
  ignored: Generated<number>;
  deleted: Generated<number>;
  conflicts: Generated<number>;
  message: string | null;
}
