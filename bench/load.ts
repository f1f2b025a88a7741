/**
 * npm run bench:load — the rush before a report deadline. Starts the real server with the demo data
 * (`lotrinh start --demo`) on the embedded database and on PostgreSQL (BENCH_DATABASE_URL, else a
 * throw-away cluster), signs in BENCH_SESSIONS sessions spread over every role and replays a mixed
 * workload (bench/loadMix.ts) with autocannon on loopback, for BENCH_SECONDS each:
 *  (a) paced — every session waits one second after each answer before its next request (offered load
 *      ≈ sessions per second; bench/thinkTimeRun.ts, one keep-alive connection per session);
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
 * BENCH_ROUTE_COST=1 first times each step of each role's cycle alone; BENCH_TRACE_SLOW=1 prints every
 * answer that took over a second.
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openPostgres } from "../src/db/database.ts";
import { type Account, officerAccounts } from "./loadAccounts.ts";
import { discover, planOf, ROLE_SHARE, type Session, type Step, type World } from "./loadMix.ts";
import { type Server, startServer, throwawayPostgres } from "./loadServer.ts";
import { type Exchange, thinkTimeRun } from "./thinkTimeRun.ts";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 50);
/** Sessions of the paced runs (a, c), when other than BENCH_SESSIONS (e.g. 200 paced, 50 for capacity). */
const PACED_SESSIONS = Number(process.env.BENCH_PACED_SESSIONS ?? SESSIONS);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DOWN_SECONDS = Number(process.env.BENCH_PG_DOWN_SECONDS ?? 4);
const ONLY = process.env.BENCH_DB ?? "";
const SOCKET = process.env.BENCH_PG_SOCKET === "1";
/** Communes whose officers take part (the demo's Bình Lư and others given an account for the run). */
const OFFICER_UNITS = Number(process.env.BENCH_OFFICER_UNITS ?? 8);

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

/**
 * N sessions by ROLE_SHARE over the demo accounts (one account may hold several sessions); officer
 * sessions go round the officer accounts (bench/loadAccounts.ts), one commune after another.
 */
async function signInAll(server: Server, officers: Account[], count = SESSIONS): Promise<Session[]> {
  const byRole = new Map<string, Session>();
  for (const [username, password] of server.accounts) {
    if (username.startsWith("bench.")) continue;
    const s = await signIn(server.base, username, password);
    byRole.set(s.role, s);
  }
  const out: Session[] = [];
  for (const [role, share] of ROLE_SHARE) {
    const first = byRole.get(role);
    if (!first) throw new Error(`no demo account of role ${role}`);
    const n = Math.max(1, Math.round(count * share));
    for (let i = 0; i < n && out.length < count; i++) {
      const officer = role === "officer" ? (officers[i % officers.length] as Account) : null;
      if (i === 0 && !officer) out.push(first);
      else if (officer) out.push(await signIn(server.base, officer.username, officer.password));
      else out.push(await signIn(server.base, first.username, passwordOf(server, first)));
    }
  }
  return out;
}

/** The officer accounts of the run: the demo officer and BENCH_OFFICER_UNITS − 1 created for other communes. */
async function officersOf(server: Server): Promise<Account[]> {
  const demo = [...server.accounts].map(([username, password]) => ({ username, password }));
  const signed = await Promise.all(
    demo.map(async (a) => ({ a, s: await signIn(server.base, a.username, a.password) })),
  );
  const admin = signed.find((x) => x.s.role === "admin")?.s;
  const officer = signed.find((x) => x.s.role === "officer")?.a;
  if (!admin || !officer) throw new Error("the demo lacks an administrator or an officer");
  const accounts = await officerAccounts(server.base, admin, officer, OFFICER_UNITS, (a) =>
    signIn(server.base, a.username, a.password),
  );
  for (const a of accounts) server.accounts.set(a.username, a.password);
  return accounts;
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
    // BENCH_TRACE_SLOW=1: each answer that took over a second, with when it was asked
    if (process.env.BENCH_TRACE_SLOW === "1" && ctx.t0 !== undefined && now - ctx.t0 > 1000)
      console.log(
        `    slow: ${(ctx.step as Step).name} asked at ${num((ctx.t0 - start) / 1000, 2)} s, ${num(now - ctx.t0)} ms, ${status}`,
      );
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

/** One bounded run: paced, each session waits a second after each answer (thinkTimeRun); capacity, autocannon with no wait. */
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
  const side = during?.(start);
  const requests = requestsFor(sessions, world, tally, start, counter);
  let lost: { timeouts: number; socketErrors: number };
  if (paced) {
    // one context per session, as autocannon keeps one per connection
    // each at its own step of its role's cycle: sessions that all began with "my work" in the same second
    // would measure a crowd nobody makes, not the mix
    const contexts: Ctx[] = sessions.map((s) => ({
      s,
      i: Math.floor(Math.random() * planOf(s.role).length),
    }));
    const { setupRequest, onResponse } = requests[0] as (typeof requests)[number];
    lost = await thinkTimeRun({
      base: server.base,
      sessions: sessions.length,
      seconds: SECONDS,
      thinkMs: 1000,
      timeoutMs: 30_000,
      next: (i) => setupRequest({}, contexts[i] as Ctx) as Exchange,
      answered: (i, status, body) => onResponse(status, body, contexts[i] as Ctx),
    });
  } else {
    const r = await autocannon({
      url: server.base,
      connections: sessions.length,
      duration: SECONDS,
      timeout: 30,
      requests,
    });
    lost = { timeouts: r.timeouts, socketErrors: r.errors - r.timeouts };
  }
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
    timeouts: lost.timeouts,
    socketErrors: lost.socketErrors,
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

/** The `n` groups of latencies with the highest p99: [key, p99, count], worst first. */
function worstByP99<K>(groups: Map<K, number[]>, n: number) {
  return [...groups]
    .map(
      ([key, l]) =>
        [
          key,
          pct(
            [...l].sort((a, b) => a - b),
            99,
          ),
          l.length,
        ] as const,
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, n);
}

function details(r: RunResult) {
  const slowest = worstByP99(r.tally.byStep, 4);
  console.log(
    `    ${r.label}: p99 by route — ${slowest.map(([n, p, c]) => `${n} ${num(p)} ms (${num(c)})`).join("; ")}`,
  );
  const bySecond = new Map<number, number[]>();
  r.tally.when.forEach((t, i) => {
    const second = Math.floor(t);
    const l = bySecond.get(second) ?? [];
    l.push(r.tally.latencies[i] as number);
    bySecond.set(second, l);
  });
  const worstSeconds = worstByP99(bySecond, 5);
  console.log(
    `    ${r.label}: worst seconds by p99 — ${worstSeconds.map(([second, p, c]) => `${second}–${second + 1} s ${num(p)} ms (${num(c)})`).join("; ")}`,
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
    const officers = await officersOf(server);
    const sessions = await signInAll(server, officers);
    const paced = PACED_SESSIONS === SESSIONS ? sessions : await signInAll(server, officers, PACED_SESSIONS);
    const world = await discover(sessions, (who, path) => getJson(server.base, who, path));
    const roles = ROLE_SHARE.map(
      ([role]) => `${sessions.filter((s) => s.role === role).length} ${role}`,
    ).join(", ");
    console.log(
      `${db}: ${sessions.length} sessions (${roles}; officers of ${officers.length} communes), ${paced.length} paced, ${SECONDS} s per run`,
    );
    if (process.env.BENCH_ROUTE_COST === "1") await routeCosts(server, sessions, world);
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

/**
 * BENCH_ROUTE_COST=1: before the runs, each step of each role's cycle alone, one request at a time (15
 * times, the median), through the same request builder — what a route costs with nothing beside it.
 */
async function routeCosts(server: Server, sessions: Session[], world: World) {
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
  const { setupRequest, onResponse } = requestsFor(sessions, world, tally, performance.now(), {
    next: 0,
  })[0] as ReturnType<typeof requestsFor>[number];
  const url = new URL(server.base);
  const lines: string[] = [];
  for (const role of new Set(sessions.map((s) => s.role))) {
    const s = sessions.find((x) => x.role === role) as Session;
    const plan = planOf(role);
    for (let step = 0; step < plan.length; step++) {
      const took: number[] = [];
      for (let k = 0; k < 15; k++) {
        const ctx: Ctx = { s, i: step };
        const x = setupRequest({}, ctx) as Exchange;
        const t0 = performance.now();
        const res = await fetch(new URL(x.path, url), { method: x.method, headers: x.headers, body: x.body });
        const body = await res.text();
        took.push(performance.now() - t0);
        onResponse(res.status, body, ctx);
      }
      took.sort((a, b) => a - b);
      lines.push(`${role} ${plan[step]?.name}: ${num(took[7] as number, 1)} ms`);
    }
  }
  console.log(`  each route alone (median of 15): ${lines.join("; ")}`);
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
