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
    })
    .execute();
  return { token, csrfToken };
}

export function findSession(db: Kysely<Database>, token: string, now: Date) {
  return db
    .selectFrom("user_session")
    .innerJoin("app_user", "app_user.id", "user_session.user_id")
    .select([...publicUserColumns, "user_session.csrf_token", "user_session.id as session_id"])
    .where("user_session.id", "=", hashToken(token))
    .where("user_session.expires_at", ">", now)
    .where("app_user.active", "=", true)
    .executeTakeFirst();
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
