import type { ColumnType, Generated, Insertable, Selectable } from "kysely";
import type { OrgUnitKind } from "../domain/orgUnits.ts";
import type { Role } from "../domain/roles.ts";

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

export interface Database {
  org_unit: OrgUnitTable;
  org_unit_parent: OrgUnitParentTable;
  org_unit_lineage: OrgUnitLineageTable;
  org_unit_alias: OrgUnitAliasTable;
  app_user: UserTable;
  user_session: SessionTable;
  audit_log: AuditLogTable;
  reference_data: ReferenceDataTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type AuditRow = Selectable<AuditLogTable>;
