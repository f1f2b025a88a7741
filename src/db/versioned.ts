/**
 * Versioned writes. Every update or delete of an entity that carries a `version` column filters on the
 * version the caller last read and must change exactly one row: zero rows means someone else wrote
 * first (or the row is gone), so the caller gets 409 and nothing of theirs is kept. The row count is
 * the only proof — a read-then-write check alone lets two concurrent saves both pass on PostgreSQL.
 */
import { errors } from "../errors.ts";

interface WriteResult {
  numUpdatedRows?: bigint;
  numDeletedRows?: bigint;
  numInsertedOrUpdatedRows?: bigint;
}

/** Throws CONFLICT_VERSION ("<what> vừa được người khác sửa…") unless the statement touched exactly one row. */
export function expectOneRow(result: WriteResult | readonly WriteResult[], what: string): void {
  const one = Array.isArray(result) ? result[0] : (result as WriteResult);
  const n = one?.numUpdatedRows ?? one?.numDeletedRows ?? one?.numInsertedOrUpdatedRows ?? 0n;
  if (Number(n) !== 1) throw errors.conflict(what);
}

/** The one row an `update … returning` changed at the caller's version: 409 unless exactly one. */
export function expectOneReturned<T>(rows: readonly T[], what: string): T {
  if (rows.length !== 1) throw errors.conflict(what);
  return rows[0] as T;
}
