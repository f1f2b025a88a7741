import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { findSession, hashToken, touchSession } from "./sessionRepository.ts";

/**
 * Sessions read from the database are kept in memory for SESSION_CACHE_MS, so a request does not pay a
 * query to learn who is asking. The rules stay the database's: the absolute end and the idle timeout
 * are checked on every request against the kept row, and every change in this process that could end
 * a session or change its user (logout, an account edited, locked, its role or password changed, a
 * restore) forgets the kept rows at once. A change made by another process (a CLI command on the same
 * PostgreSQL) is seen within SESSION_CACHE_MS.
 *
 * A read that raced with such a change is not kept: each forget moves `generation`, and a row is only
 * kept when the generation is the one seen before its query (a use case forgets again after its
 * transaction commits, so a row read before the commit never outlives it).
 */
export const SESSION_CACHE_MS = 10_000;
const MAX_ENTRIES = 20_000;

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

interface Entry {
  row: SessionRow;
  /** When the row was read from the database (the caller's clock). */
  at: number;
}

const entries = new Map<string, Entry>();
let generation = 0;

function live(row: SessionRow, now: Date, idleMs: number): boolean {
  const t = now.getTime();
  return new Date(row.expires_at).getTime() > t && new Date(row.last_seen_at).getTime() > t - idleMs;
}

/**
 * The live session of a token (as `findSession`), from memory when read less than SESSION_CACHE_MS
 * ago; records its use at most once a minute (`touchSession`).
 */
export async function liveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
  idleMs: number,
): Promise<SessionRow | undefined> {
  const key = hashToken(token);
  const t = now.getTime();
  const kept = entries.get(key);
  let row: SessionRow | undefined;
  if (kept && t >= kept.at && t - kept.at < SESSION_CACHE_MS) {
    row = live(kept.row, now, idleMs) ? kept.row : undefined;
    if (!row) entries.delete(key);
  } else {
    entries.delete(key);
    const seen = generation;
    row = await findSession(db, token, now, idleMs);
    if (row && seen === generation) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key, { row, at: t });
    }
  }
  if (!row) return undefined;
  if (await touchSession(db, row.session_id, row.last_seen_at, now)) row.last_seen_at = now;
  return row;
}

/** Forget one session (logout). */
export function forgetSession(token: string): void {
  generation++;
  entries.delete(hashToken(token));
}

/** Forget every kept session of a user (account edited, locked, role or password changed). */
export function forgetSessionsOfUser(userId: number): void {
  generation++;
  for (const [key, e] of entries) if (e.row.id === userId) entries.delete(key);
}

/** Forget everything (the database was restored). */
export function forgetAllSessions(): void {
  generation++;
  entries.clear();
}
