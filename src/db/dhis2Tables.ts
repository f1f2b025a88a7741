import type { ColumnType, Generated } from "kysely";
import type { Dhis2Kind, Dhis2MatchedBy } from "../domain/dhis2Metadata.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One DHIS2 system Lộ Trình exchanges figures with (migration 0013). */
export interface Dhis2InstanceTable {
  id: Generated<number>;
  name: string;
  url: string | null;
  system_version: string | null;
  metadata_loaded_at: Timestamp | null;
  created_at: Generated<Date>;
  version: Generated<number>;
}

/** One DHIS2 object of an instance and the Lộ Trình object it stands for (null: unmatched). */
export interface Dhis2MappingTable {
  id: Generated<number>;
  instance_id: number;
  kind: Dhis2Kind;
  uid: string;
  code: string | null;
  name: string;
  path: string | null;
  element_id: number | null;
  org_unit_id: number | null;
  /** Category option combos: '' (the whole figure, DHIS2's default) or a breakdown option. */
  category: string | null;
  matched_by: Dhis2MatchedBy | null;
  /** The object's attribute values by attribute UID (migration 0019), for ATTRIBUTE:<uid> schemes. */
  attributes: ColumnType<Record<string, string>, string | undefined, string>;
  version: Generated<number>;
}

/** What DHIS2 sent with a value that data_value has no column for. */
export interface Dhis2ValueMetaTable {
  element_id: number;
  period_id: number;
  org_unit_id: number;
  category: string;
  stored_by: string | null;
  created: string | null;
  last_updated: string | null;
  followup: Generated<boolean>;
  written_at: Timestamp;
}
