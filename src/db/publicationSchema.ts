import type { ColumnType } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A plan an administrator made public (migration 0015_reach). */
export interface PublicDocumentTable {
  document_id: number;
  published_by: number | null;
  published_at: Timestamp;
}

/** A target an administrator made public. */
export interface PublicTargetTable {
  target_id: number;
  published_by: number | null;
  published_at: Timestamp;
}
