import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Kysely, KyselyPlugin } from "kysely";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/database.ts";
import type { Database } from "../db/schema.ts";
import { openTestDb } from "../db/testing.ts";
import type { Role } from "../domain/roles.ts";
import { systemActor } from "../domain/roles.ts";
import { createUser } from "../usecases/createUser.ts";
import { buildApp } from "./app.ts";

export const TEST_PASSWORD = "mat-khau-thu-nghiem-1";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  close(): Promise<void>;
}

/** The app on a fresh test database, with a fixed clock by default. */
export async function createTestApp(
  now: Date | (() => Date) = new Date("2026-11-23T03:00:00Z"),
  /** Hooks a test adds before the app is ready (e.g. watchResponseShapes). */
  beforeReady?: (app: FastifyInstance) => void,
  /** A Kysely plugin on the app's connection only (e.g. counting the statements a request runs). */
  plugin?: (db: Kysely<Database>) => KyselyPlugin,
  /** The read cache on (ms) and its clock (readCache.test.ts); off by default. */
  readCache: { ms: number; clock?: () => number } = { ms: 0 },
): Promise<TestApp> {
  const db = await openTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-api-"));
  // the read cache off by default: tests read right after another caller's write
  const config = { ...loadConfig({}), demo: false, logLevel: "silent", dataDir, readCacheMs: readCache.ms };
  const clock = typeof now === "function" ? now : () => now;
  const appDb = plugin ? db.db.withPlugin(plugin(db.db)) : db.db;
  const app = await buildApp(
    { db: appDb, dbKind: db.kind, config, now: clock },
    { serveWeb: false, readCacheClock: readCache.clock },
  );
  beforeReady?.(app);
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Finds a unit valid today by its exact name or alias. */
export async function unitIdByName(db: Db, alias: string): Promise<number> {
  const row = await db.db
    .selectFrom("org_unit_alias as a")
    .innerJoin("org_unit as u", "u.id", "a.unit_id")
    .select("u.id")
    .where("a.alias", "=", alias)
    .where("u.valid_to", "is", null)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface Client {
  cookie: string;
  csrf: string;
  userId: number;
  request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

/** Creates a user with the role (and unit) and returns a signed-in client for fastify.inject. */
export async function signIn(
  t: TestApp,
  username: string,
  role: Role,
  orgUnitId: number | null = null,
): Promise<Client> {
  const user = await createUser(t.db.db, systemActor("Kiểm thử"), {
    username,
    displayName: `Người dùng ${username}`,
    password: TEST_PASSWORD,
    role,
    orgUnitId,
  });
  const res = await t.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    userId: user.id,
    request: (method, url, body) =>
      t.app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** A multipart/form-data body with one file, for fastify.inject. */
export function multipartFile(filename: string, content: Buffer | string, field = "file") {
  const boundary = `----lotrinh${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
