/**
 * npm run bench:load — the rush before a report deadline. Starts the real server with the demo data
 * (`lotrinh start --demo`) on the embedded database and on PostgreSQL (BENCH_DATABASE_URL, else a
 * throw-away cluster), signs in BENCH_SESSIONS sessions spread over every role and replays a mixed
 * workload (bench/loadMix.ts) with autocannon on loopback, for BENCH_SECONDS each:
 *  (a) paced — every session sends one request a second (offered load ≈ sessions per second);
 *  (b) capacity — every session sends its next request as soon as the answer arrives.
 * On PostgreSQL a third paced run stops the cluster for BENCH_PG_DOWN_SECONDS in its middle: the
 * server must keep answering (503 while the database is away), come back by itself, and every
 * progress report it acknowledged must be in the database afterwards.
 * Prints throughput, p50/p95/p99, errors (non-2xx other than the 409 of a version race) and the
 * server's memory. BENCH_DB=pglite|postgres runs one database only; BENCH_SKIP=targets,overview leaves
 * those routes out of the mix (bench/loadMix.ts planOf). Every loop is bounded.
 * Per answer it also prints the CPU the server used and, on the throw-away cluster, PostgreSQL's: on a
 * shared machine these vary much less than the latencies. The embedded database starts from a demo
 * data directory prepared once and kept (bench/loadServer.ts). BENCH_CPU_PROF=DIR makes the server
 * write a V8 CPU profile there (read it with bench/cpuProfileTop.ts); BENCH_LOG_LEVEL (default warn)
 * is the server's LOG_LEVEL. BENCH_PG_SOCKET=1 connects the server to the throw-away cluster through its
 * Unix socket (the setup README recommends when both run on one machine) instead of TCP loopback.
 * BENCH_PACED_SESSIONS=200 runs the paced runs with that many sessions (capacity keeps BENCH_SESSIONS).
 * The server's read cache follows LOTRINH_READ_CACHE_MS as given (0: off, to compare).
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openPostgres } from "../src/db/database.ts";
import { discover, planOf, ROLE_SHARE, type Session, type Step, type World } from "./loadMix.ts";
import { type Server, startServer, throwawayPostgres } from "./loadServer.ts";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
/** Sessions of the paced runs (a, c), when other than BENCH_SESSIONS (e.g. 200 paced, 50 for capacity). */
const PACED_SESSIONS = Number(process.env.BENCH_PACED_SESSIONS ?? SESSIONS);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DOWN_SECONDS = Number(process.env.BENCH_PG_DOWN_SECONDS ?? 4);
const ONLY = process.env.BENCH_DB ?? "";
const SOCKET = process.env.BENCH_PG_SOCKET === "1";

interface AutocannonResult {
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult> & { stop?: () => void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Tally {
  latencies: number[];
  /** Latencies by step name (the route), for the slowest routes' line. */
  byStep: Map<string, number[]>;
  /** Seconds since the start of each latency above, in the same order. */
  when: number[];
  ok: number;
  conflicts: number;
  busy: number;
  errors: Map<string, number>;
  /** [seconds since start, status] of each answer, for the restart timeline. */
  timeline: [number, number][];
}

async function signIn(base: string, username: string, password: string): Promise<Session> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`${base}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (res.ok) {
      const body = (await res.json()) as {
        csrfToken: string;
        user: { role: string; org_unit_id: number | null };
      };
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
      return { role: body.user.role, username, cookie, csrf: body.csrfToken, unitId: body.user.org_unit_id };
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`sign-in of ${username} failed`);
}

async function getJson<T>(base: string, s: Session, path: string): Promise<T> {
  const res = await fetch(base + path, { headers: { cookie: s.cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** N sessions over the demo accounts by ROLE_SHARE (one account may hold several sessions). */
async function signInAll(server: Server, count = SESSIONS): Promise<Session[]> {
  const byRole = new Map<string, Session>();
  for (const [username, password] of server.accounts) {
    const s = await signIn(server.base, username, password);
    byRole.set(s.role, s);
  }
  const out: Session[] = [];
  for (const [role, share] of ROLE_SHARE) {
    const first = byRole.get(role);
    if (!first) throw new Error(`no demo account of role ${role}`);
    const n = Math.max(1, Math.round(count * share));
    for (let i = 0; i < n && out.length < count; i++)
      out.push(i === 0 ? first : await signIn(server.base, first.username, passwordOf(server, first)));
  }
  return out;
}
const passwordOf = (server: Server, s: Session) => server.accounts.get(s.username) as string;

interface Ctx {
  s?: Session;
  i?: number;
  step?: Step;
  t0?: number;
}

function requestsFor(
  sessions: Session[],
  world: World,
  tally: Tally,
  start: number,
  counter: { next: number },
) {
  const setupRequest = (req: Record<string, unknown>, ctx: Ctx) => {
    ctx.s ??= sessions[counter.next++ % sessions.length] as Session;
    ctx.i ??= 0;
    const plan = planOf(ctx.s.role);
    const step = plan[ctx.i++ % plan.length] as Step;
    ctx.step = step;
    ctx.t0 = performance.now();
    const headers: Record<string, string> = { cookie: ctx.s.cookie };
    let body: string | undefined;
    if (step.write) {
      headers["x-csrf-token"] = ctx.s.csrf;
      headers["content-type"] = "application/json";
    }
    const path = step.path(ctx.s, world);
    if (step.body) body = JSON.stringify(step.body(ctx.s, world));
    return { ...req, method: step.method, path, headers, body };
  };
  const onResponse = (status: number, body: string, ctx: Ctx) => {
    const now = performance.now();
    tally.latencies.push(now - (ctx.t0 ?? now));
    tally.when.push((now - start) / 1000);
    const name = (ctx.step as Step).name;
    const mine = tally.byStep.get(name) ?? [];
    mine.push(now - (ctx.t0 ?? now));
    tally.byStep.set(name, mine);
    tally.timeline.push([(now - start) / 1000, status]);
    const step = ctx.step as Step;
    if (status < 300) {
      tally.ok++;
      try {
        step.learn?.(body, ctx.s as Session, world);
      } catch {
        // an answer that does not parse is counted by its status only
      }
    } else if (status === 409 && step.write) tally.conflicts++;
    else {
      if (status === 503) tally.busy++;
      const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? "";
      const key = `${step.name} ${status} ${code}`;
      tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
    }
  };
  // long enough that a connection never wraps around (autocannon resets the context when it does)
  return Array.from({ length: 5000 }, () => ({ setupRequest, onResponse }));
}

interface RunResult {
  label: string;
  tally: Tally;
  seconds: number;
  rssMax: number;
  rssEnd: number;
  /** The server process's CPU seconds over the run: per answer, a cost that a busy machine does not inflate much. */
  cpu: number;
  /** The PostgreSQL cluster's CPU seconds over the run (throw-away cluster only; 0 otherwise). */
  dbCpu: number;
  timeouts: number;
  socketErrors: number;
}

/** One bounded run; paced runs start their sessions in ten groups 100 ms apart, as people do not click in step. */
async function run(
  label: string,
  server: Server,
  sessions: Session[],
  world: World,
  paced: boolean,
  during?: (t0: number) => Promise<void>,
  dbCpuSeconds: () => number = () => 0,
): Promise<RunResult> {
  const tally: Tally = {
    latencies: [],
    byStep: new Map(),
    when: [],
    ok: 0,
    conflicts: 0,
    busy: 0,
    errors: new Map(),
    timeline: [],
  };
  const start = performance.now();
  const counter = { next: 0 };
  let rssMax = 0;
  const cpu0 = server.cpuSeconds();
  const dbCpu0 = dbCpuSeconds();
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, server.rss());
  }, 250);
  const groups = paced ? Math.min(10, sessions.length) : 1;
  const runs: Promise<AutocannonResult>[] = [];
  for (let g = 0; g < groups; g++) {
    const connections = Math.floor(sessions.length / groups) + (g < sessions.length % groups ? 1 : 0);
    runs.push(
      autocannon({
        url: server.base,
        connections,
        duration: SECONDS,
        timeout: 30,
        ...(paced ? { connectionRate: 1 } : {}),
        requests: requestsFor(sessions, world, tally, start, counter),
      }),
    );
    if (paced) await new Promise((r) => setTimeout(r, 100));
  }
  const side = during?.(start);
  const results = await Promise.all(runs);
  await side;
  clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  return {
    label,
    tally,
    seconds,
    rssMax,
    rssEnd: server.rss(),
    cpu: server.cpuSeconds() - cpu0,
    // a restarted cluster has a new postmaster: its counters start again (no figure for that run)
    dbCpu: Math.max(0, dbCpuSeconds() - dbCpu0),
    timeouts: results.reduce((a, r) => a + r.timeouts, 0),
    socketErrors: results.reduce((a, r) => a + r.errors - r.timeouts, 0),
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const num = (n: number, d = 0) =>
  n.toLocaleString("vi-VN", { minimumFractionDigits: d, maximumFractionDigits: d });
const mb = (bytes: number) => `${num(bytes / 1024 / 1024)} MB`;

function row(db: string, r: RunResult): string {
  const l = [...r.tally.latencies].sort((a, b) => a - b);
  const total = l.length;
  const errors = [...r.tally.errors.values()].reduce((a, b) => a + b, 0) + r.timeouts + r.socketErrors;
  return `| ${db} | ${r.label} | ${num(total / r.seconds, 1)} | ${num(pct(l, 50))} | ${num(pct(l, 95))} | ${num(pct(l, 99))} | ${num(total)} | ${num(r.tally.conflicts)} | ${num(errors)} | ${num((1000 * r.cpu) / Math.max(1, total), 1)} | ${r.dbCpu ? num((1000 * r.dbCpu) / Math.max(1, total), 1) : "-"} | ${mb(r.rssMax)} / ${mb(r.rssEnd)} |`;
}

function details(r: RunResult) {
  const slowest = [...r.tally.byStep]
    .map(
      ([name, l]) =>
        [
          name,
          pct(
            [...l].sort((a, b) => a - b),
            99,
          ),
          l.length,
        ] as const,
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4);
  console.log(
    `    ${r.label}: p99 by route — ${slowest.map(([n, p, c]) => `${n} ${num(p)} ms (${num(c)})`).join("; ")}`,
  );
  for (const [key, n] of [...r.tally.errors].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${r.label}: ${n} × ${key}`);
  if (r.timeouts || r.socketErrors)
    console.log(`    ${r.label}: ${r.timeouts} timeouts, ${r.socketErrors} socket errors`);
}

async function bench(
  db: string,
  databaseUrl: string,
  cluster?: { restart(): Promise<void>; cpuSeconds(): number },
): Promise<string[]> {
  const restart = cluster?.restart;
  const dbCpu = cluster ? () => cluster.cpuSeconds() : undefined;
  const server = await startServer(databaseUrl);
  try {
    const sessions = await signInAll(server);
    const paced = PACED_SESSIONS === SESSIONS ? sessions : await signInAll(server, PACED_SESSIONS);
    const world = await discover(sessions, (who, path) => getJson(server.base, who, path));
    const roles = ROLE_SHARE.map(
      ([role]) => `${sessions.filter((s) => s.role === role).length} ${role}`,
    ).join(", ");
    console.log(`${db}: ${sessions.length} sessions (${roles}), ${paced.length} paced, ${SECONDS} s per run`);
    const results = [
      await run(`a) 1 req/s per session (${paced.length})`, server, paced, world, true, undefined, dbCpu),
      await run("b) capacity (no wait)", server, sessions, world, false, undefined, dbCpu),
    ];
    if (restart) {
      const before = world.ackedUpdates.length;
      const marks = { t0: 0, stop: 0, start: 0 };
      const r = await run(
        `c) paced, PostgreSQL stopped ${DOWN_SECONDS} s`,
        server,
        paced,
        world,
        true,
        async (t0) => {
          marks.t0 = t0;
          await new Promise((res) => setTimeout(res, (SECONDS * 1000) / 2 - DOWN_SECONDS * 500));
          marks.stop = (performance.now() - t0) / 1000;
          await restart();
          marks.start = (performance.now() - t0) / 1000;
        },
        dbCpu,
      );
      results.push(r);
      // on a busy machine pg_ctl can take longer than the run: then one session asks until it is answered
      if (!r.tally.timeline.some(([t, st]) => t > marks.start && st < 300))
        await probeUntilOk(server, sessions[0] as Session, r, marks.t0);
      outage(r, server, marks, world.ackedUpdates.length - before);
      await checkAcked(databaseUrl, world.ackedUpdates);
    }
    for (const r of results) details(r);
    console.log(`  the server's log: ${server.logFile}`);
    return results.map((r) => row(db, r));
  } finally {
    await server.stop();
  }
}

/** GET /api/my-work every 250 ms (at most 60 s) until a 2xx, each answer added to the run's timeline. */
async function probeUntilOk(server: Server, s: Session, r: RunResult, t0: number) {
  for (let i = 0; i < 240; i++) {
    const status = await fetch(`${server.base}/api/my-work`, { headers: { cookie: s.cookie } })
      .then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      })
      .catch(() => 0);
    r.tally.timeline.push([(performance.now() - t0) / 1000, status]);
    if (status >= 200 && status < 300) return;
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** What the sessions saw around the outage: answers by status while PostgreSQL was away, and when 2xx came back. */
function outage(r: RunResult, server: Server, marks: { stop: number; start: number }, acked: number) {
  const tl = r.tally.timeline;
  const during = tl.filter(([t]) => t >= marks.stop && t <= marks.start + 0.5);
  const byStatus = new Map<number, number>();
  for (const [, s] of during) byStatus.set(s, (byStatus.get(s) ?? 0) + 1);
  const firstOk = tl.find(([t, s]) => t > marks.start && s < 300)?.[0];
  const lastFail = tl.filter(([, s]) => s >= 500).at(-1)?.[0];
  const after = tl.filter(([t]) => t > (lastFail ?? marks.start));
  console.log(
    `  PostgreSQL stopped at ${num(marks.stop, 1)} s (pg_ctl -m fast), started again at ${num(marks.start, 1)} s`,
  );
  console.log(
    `  answers meanwhile: ${[...byStatus].map(([s, n]) => `${n} × ${s}`).join(", ") || "none"}; first 2xx after the start at ${firstOk === undefined ? "NEVER" : `${num(firstOk, 1)} s`}; last 5xx at ${lastFail === undefined ? "-" : `${num(lastFail, 1)} s`}, then ${after.filter(([, s]) => s < 300).length} of ${after.length} answers 2xx`,
  );
  if (!server.alive() || firstOk === undefined) process.exitCode = 1;
  console.log(
    `  server process: ${server.alive() ? "still running" : "GONE (crashed)"}; progress reports acknowledged in this run: ${acked}`,
  );
}

async function checkAcked(url: string, acked: number[]) {
  const pg = await openPostgres(url);
  try {
    const found = acked.length
      ? await pg.db.selectFrom("occurrence_update").select("id").where("id", "in", acked).execute()
      : [];
    const lost = acked.length - found.length;
    if (lost) process.exitCode = 1;
    console.log(
      `  acknowledged progress reports (all runs): ${acked.length}, in the database: ${found.length}${lost ? ` — ${lost} LOST` : " — none lost"}`,
    );
  } finally {
    await pg.close();
  }
}

const HEAD = [
  "| database | run | req/s | p50 ms | p95 ms | p99 ms | answers | 409 (race) | errors | server CPU ms / answer | PostgreSQL CPU ms / answer | server RSS max / end |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
];
const rows: string[] = [];
if (ONLY !== "postgres") rows.push(...(await bench("PGlite (embedded)", "")));
if (ONLY !== "pglite") {
  const given = process.env.BENCH_DATABASE_URL;
  const cluster = given ? null : throwawayPostgres(DOWN_SECONDS);
  const base = given ?? (cluster?.url as string);
  try {
    const admin = await openPostgres(base);
    await sql`drop database if exists lotrinh_load`.execute(admin.db);
    await sql`create database lotrinh_load`.execute(admin.db);
    await admin.close();
    const u = new URL(base);
    u.pathname = "/lotrinh_load";
    // the server on the same machine as its database, through the Unix socket rather than TCP loopback
    if (SOCKET && cluster) u.searchParams.set("host", cluster.socketDir);
    if (!cluster)
      console.log("BENCH_DATABASE_URL given: the restart run needs a throw-away cluster — skipped.");
    rows.push(...(await bench("PostgreSQL", u.toString(), cluster ?? undefined)));
    if (given) {
      const admin2 = await openPostgres(base);
      await sql`drop database if exists lotrinh_load`.execute(admin2.db);
      await admin2.close();
    }
  } finally {
    cluster?.stop();
  }
}
console.log(
  `\n${SESSIONS} sessions (${PACED_SESSIONS} paced), ${SECONDS} s per run${process.env.BENCH_SKIP ? `, without ${process.env.BENCH_SKIP}` : ""}${SOCKET ? ", PostgreSQL through its Unix socket" : ""}, loopback, this machine (${(await import("node:os")).cpus().length} cores, load generator included)`,
);
console.log([...HEAD, ...rows].join("\n"));
