/**
 * npx tsx bench/loadProfile.ts — where one request of the load mix (bench/loadMix.ts) spends its work.
 * Builds the app in this process on the demo data (embedded PGlite in a temp directory, or PostgreSQL
 * with BENCH_DATABASE_URL: a database `lotrinh_profile_<pid>` is made there and dropped after), signs in the
 * four demo roles, replays every role's cycle BENCH_REPEAT times through fastify.inject, one request at
 * a time, and prints per route: SQL statements per request (begin/commit not counted) and the median
 * time. BENCH_SQL=1 also prints the statements of one request of each route.
 * For a CPU profile: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/loadProfile.ts`, then
 * `npx tsx bench/cpuProfileTop.ts /tmp/prof/*.cpuprofile`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { type Kysely, type KyselyPlugin, sql } from "kysely";
import { openReady } from "../src/cli/shared.ts";
import { loadConfig } from "../src/config.ts";
import { openPostgres } from "../src/db/database.ts";
import { ensureRollups } from "../src/db/repositories/rollupRepository.ts";
import type { Database } from "../src/db/schema.ts";
import { todayIso } from "../src/domain/status.ts";
import { DEMO_PLANS } from "../src/paths.ts";
import { buildApp } from "../src/server/app.ts";
import { createDemoAccounts } from "../src/usecases/demoAccounts.ts";
import { loadDemoPlans } from "../src/usecases/loadDemoPlans.ts";
import { loadSampleFigures } from "../src/usecases/loadSampleFigures.ts";
import { loadSampleSchools } from "../src/usecases/loadSampleSchools.ts";
import { discover, planOf, type Session } from "./loadMix.ts";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const SHOW_SQL = process.env.BENCH_SQL === "1";
// one database per run: two profiles on one shared server must not drop each other's
const PROFILE_DB = `lotrinh_profile_${process.pid}`;

/**
 * Counts the statements Kysely runs (and keeps their text while asked to): counted when a result comes
 * back, so a subquery built apart and embedded in a statement is not counted as one.
 */
function counting(db: Kysely<Database>) {
  const seen = { n: 0, texts: [] as string[], keep: false };
  const built = new Map<unknown, string>();
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (seen.keep) built.set(args.queryId, db.getExecutor().compileQuery(args.node, args.queryId).sql);
      return args.node;
    },
    async transformResult(args) {
      seen.n++;
      if (seen.keep) seen.texts.push(built.get(args.queryId) ?? "?");
      built.delete(args.queryId);
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), seen };
}

async function setUp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-profile-"));
  let databaseUrl: string | undefined;
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    const admin = await openPostgres(given);
    await sql`drop database if exists ${sql.id(PROFILE_DB)}`.execute(admin.db);
    await sql`create database ${sql.id(PROFILE_DB)}`.execute(admin.db);
    await admin.close();
    const u = new URL(given);
    u.pathname = `/${PROFILE_DB}`;
    databaseUrl = u.toString();
  }
  // the read cache off: every request does its route's work
  const cfg = { ...loadConfig({}), dataDir, databaseUrl, demo: true, logLevel: "silent", readCacheMs: 0 };
  const db = await openReady(cfg);
  const today = todayIso(new Date());
  const accounts = await createDemoAccounts(db.db, today);
  await loadDemoPlans(db.db, DEMO_PLANS);
  await loadSampleSchools(db.db);
  await loadSampleFigures(db.db);
  await ensureRollups(db.db, today);
  const count = counting(db.db);
  const app = await buildApp(
    { db: count.db, dbKind: db.kind, config: cfg, now: () => new Date() },
    { serveWeb: false },
  );
  await app.ready();
  const close = async () => {
    await app.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (given) {
      const admin = await openPostgres(given);
      await sql`drop database if exists ${sql.id(PROFILE_DB)}`.execute(admin.db);
      await admin.close();
    }
  };
  return { app, accounts, seen: count.seen, kind: db.kind, close };
}

async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/session", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { csrfToken: string; user: { role: string; org_unit_id: number | null } };
  const cookie = String(res.headers["set-cookie"]).split(";")[0] as string;
  return { role: body.user.role, username, cookie, csrf: body.csrfToken, unitId: body.user.org_unit_id };
}

interface RouteTally {
  statements: number[];
  ms: number[];
  statuses: Map<number, number>;
  sample?: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const { app, accounts, seen, kind, close } = await setUp();
  try {
    const sessions: Session[] = [];
    for (const a of accounts) sessions.push(await signIn(app, a.username, a.password));
    const get = async <T>(s: Session, url: string): Promise<T> => {
      const res = await app.inject({ method: "GET", url, headers: { cookie: s.cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as T;
    };
    const world = await discover(sessions, get);
    const byRoute = new Map<string, RouteTally>();
    for (let round = 0; round < REPEAT; round++) {
      for (const s of sessions) {
        for (const step of planOf(s.role)) {
          const key = `${step.name} (${s.role})`;
          const t: RouteTally = byRoute.get(key) ?? { statements: [], ms: [], statuses: new Map() };
          byRoute.set(key, t);
          const headers: Record<string, string> = { cookie: s.cookie };
          if (step.write) headers["x-csrf-token"] = s.csrf;
          const url = step.path(s, world);
          const payload = step.body ? JSON.stringify(step.body(s, world)) : undefined;
          if (payload) headers["content-type"] = "application/json";
          seen.n = 0;
          seen.texts = [];
          seen.keep = SHOW_SQL && !t.sample;
          const t0 = performance.now();
          const res = await app.inject({ method: step.method, url, headers, payload });
          t.ms.push(performance.now() - t0);
          t.statements.push(seen.n);
          if (seen.keep) t.sample = seen.texts;
          t.statuses.set(res.statusCode, (t.statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode < 300) step.learn?.(res.body, s, world);
        }
      }
    }
    console.log(`${kind}, ${REPEAT} rounds, one request at a time (fastify.inject)`);
    console.log("| route (role) | requests | SQL statements / request | median ms | statuses |");
    console.log("|---|---|---|---|---|");
    for (const [key, t] of [...byRoute].sort((a, b) => median(b[1].ms) - median(a[1].ms))) {
      const st = [...t.statuses].map(([s, n]) => `${n}×${s}`).join(" ");
      console.log(
        `| ${key} | ${t.ms.length} | ${Math.min(...t.statements)}–${Math.max(...t.statements)} | ${median(t.ms).toFixed(1)} | ${st} |`,
      );
    }
    if (SHOW_SQL)
      for (const [key, t] of byRoute) {
        console.log(`\n## ${key}`);
        for (const q of t.sample ?? []) console.log(`  - ${q.replace(/\s+/g, " ").slice(0, 300)}`);
      }
  } finally {
    await close();
  }
}

await main();
