import type { ColumnType, Generated } from "kysely";

/** One send a device may repeat, with the answer it got the first time (migration 0014). */
export interface IdempotentRequestTable {
  user_id: number;
  /** Chosen by the device (a random UUID), unique per person. */
  key: string;
  /** What the key was used for ("PUT /api/forms/12/3"): the same key for another request is refused. */
  request: string;
  /** The first answer's body as JSON; written in the same transaction as the change. */
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Generated<Date>;
}
