import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { publicUserColumns } from "./userRepository.ts";

/** Only a hash of the session token is stored, so a copy of the database does not open sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export async function createSession(db: Kysely<Database>, userId: number, ttlMs: number, now: Date) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db
    .insertInto("user_session")
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(now.getTime() + ttlMs),
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return { token, csrfToken };
}

/** A live session: before its absolute end, and used within the last `idleMs`. */
export function findSession(db: Kysely<Database>, token: string, now: Date, idleMs: number) {
  return db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select([
      ...publicUserColumns,
      "user_session.csrf_token",
      "user_session.id as session_id",
      "user_session.last_seen_at",
      "user_session.expires_at",
    ])
    .where("user_session.id", "=", hashToken(token))
    .where("user_session.expires_at", ">", now)
    .where("user_session.last_seen_at", ">", new Date(now.getTime() - idleMs))
    .where("app_user.active", "=", true)
    .executeTakeFirst();
}

/** Records use of a session, at most once a minute (one small write, not one per request); true when written. */
export async function touchSession(
  db: Kysely<Database>,
  sessionId: string,
  lastSeen: Date,
  now: Date,
): Promise<boolean> {
  if (now.getTime() - new Date(lastSeen).getTime() < 60_000) return false;
  await db.updateTable("user_session").set({ last_seen_at: now }).where("id", "=", sessionId).execute();
  return true;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("user_session").where("id", "=", hashToken(token)).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom("user_session").where("user_id", "=", userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom("user_session").where("expires_at", "<=", now).execute();
}
