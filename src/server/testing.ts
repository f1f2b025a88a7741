import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/database.ts";
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

/** A field the route's handler returned that its declared response schema dropped on the way out. */
export interface DroppedField {
  route: string;
  path: string;
}

export async function createTestApp(
  now: Date | (() => Date) = new Date("2026-11-23T03:00:00Z"),
  opts: { dropped?: DroppedField[] } = {},
): Promise<TestApp> {
  const db = await openTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-api-"));
  const config = { ...loadConfig({}), demo: false, logLevel: "silent", dataDir };
  const clock = typeof now === "function" ? now : () => now;
  const app = await buildApp({ db: db.db, dbKind: db.kind, config, now: clock }, { serveWeb: false });
  if (opts.dropped) watchDroppedFields(app, opts.dropped);
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

/**
 * Compares what each handler returned (before serialization) with what left (after the response
 * schema): every field present in the first and missing from the second is recorded. Fastify's
 * serializer silently drops undeclared properties, so a schema that forgets a field the web reads
 * breaks the web without any error on the server.
 */
function watchDroppedFields(app: FastifyInstance, dropped: DroppedField[]): void {
  const returned = new WeakMap<object, unknown>();
  app.addHook("preSerialization", async (req, _reply, payload) => {
    // a copy through JSON: what the handler's value would look like with nothing stripped
    if (payload !== null && typeof payload === "object" && !Buffer.isBuffer(payload))
      returned.set(req, JSON.parse(JSON.stringify(payload)));
    return payload;
  });
  app.addHook("onSend", async (req, _reply, payload) => {
    const before = returned.get(req);
    if (before === undefined || typeof payload !== "string") return payload;
    // named as the OpenAPI document names it: /api/tasks/{id}
    const route = `${req.method} ${req.routeOptions.url?.replace(/:(\w+)/g, "{$1}")}`;
    for (const path of missingPaths(before, JSON.parse(payload), "")) dropped.push({ route, path });
    return payload;
  });
}

/** Paths present in `before` and absent from `after` (arrays compared item by item). */
export function missingPaths(before: unknown, after: unknown, at: string): string[] {
  if (Array.isArray(before))
    return before.flatMap((x, i) =>
      missingPaths(x, Array.isArray(after) ? after[i] : undefined, `${at}[${i}]`),
    );
  if (before === null || typeof before !== "object") return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(before)) {
    const there = after !== null && typeof after === "object" && key in after;
    if (!there) out.push(`${at}.${key}`);
    else out.push(...missingPaths(value, (after as Record<string, unknown>)[key], `${at}.${key}`));
  }
  return out;
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
