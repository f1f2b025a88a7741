/**
 * The runner of scheduled DHIS2 exchanges, called on an interval inside the server. Each due job is
 * claimed with a lease (one statement: due, enabled, no live lease — `for update skip locked`), so
 * two server processes never run one job at once; a lease that runs out (a process that died) is
 * taken over. Each run is recorded with its summary or its error; an error never escapes (the
 * server goes on), and its message never carries the secret.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Updateable } from "kysely";
import type { Dhis2JobTable } from "../../db/dhis2JobTables.ts";
import type { Database } from "../../db/schema.ts";
import { nextRunAfter, type PeriodRule, periodsByRule } from "../../domain/dhis2Schedule.ts";
import type { Actor } from "../../domain/roles.ts";
import { AppError } from "../../errors.ts";
import { openSecret } from "../shared/secretBox.ts";
import type { Dhis2Connection } from "./dhis2Client.ts";
import { pullFromDhis2, pushToDhis2 } from "./exchangeWithDhis2.ts";

/** How long a claimed job is held before another process may take it over. */
const LEASE_MS = 30 * 60_000;

type Job = {
  [K in keyof Dhis2JobTable]: Dhis2JobTable[K] extends import("kysely").ColumnType<infer S, unknown, unknown>
    ? S
    : Dhis2JobTable[K];
};

export interface RunnerOptions {
  now: () => Date;
  /** This process, for the lease (default: a random id). */
  owner?: string;
  fetchImpl?: typeof fetch;
  /** The key the jobs' secrets are sealed with (secretKeyOf(config)). */
  key: Buffer;
}

async function claimNext(db: Kysely<Database>, owner: string, now: Date): Promise<Job | null> {
  const until = new Date(now.getTime() + LEASE_MS);
  const claimed = await sql<Job>`
    update dhis2_job set lease_owner = ${owner}, lease_until = ${until}
     where id = (select id from dhis2_job
                  where enabled and next_run_at <= ${now}
                    and (lease_until is null or lease_until < ${now})
                  order by next_run_at, id limit 1
                  for update skip locked)
    returning *`.execute(db);
  return claimed.rows[0] ?? null;
}

/** The job's secret as sent, to blank it in messages ("" when it cannot be opened). */
function plainOf(job: Job, key: Buffer): string {
  try {
    return openSecret(job.secret, key);
  } catch {
    return "";
  }
}

/** A failure in words an administrator can act on; the secret is blanked should a server echo it. */
function messageOf(e: unknown, secret: string): string {
  const text =
    e instanceof AppError ? e.message : `Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`;
  return secret ? text.split(secret).join("***") : text;
}

async function exchange(db: Kysely<Database>, job: Job, periods: string[], opts: RunnerOptions) {
  const secret = openSecret(job.secret, opts.key);
  const conn: Dhis2Connection = {
    url: job.url,
    ...(job.auth_kind === "token" ? { token: secret } : { username: job.username ?? "", password: secret }),
    fetchImpl: opts.fetchImpl,
  };
  const instance = await db
    .selectFrom("dhis2_instance")
    .select("name")
    .where("id", "=", job.instance_id)
    .executeTakeFirstOrThrow();
  const common = {
    instance: instance.name,
    periods,
    orgUnits: job.org_unit_root ? [job.org_unit_root] : undefined,
    children: job.org_unit_root ? true : undefined,
    dataSet: job.data_set,
    dataElements: job.data_elements,
  };
  if (job.direction === "push") return (await pushToDhis2(db, conn, common)).summary;
  const actor: Actor = { id: null, name: `Lịch DHIS2 «${job.name}»`, role: "admin", orgUnitId: null };
  return (await pullFromDhis2(db, actor, conn, common)).summary;
}

async function runOne(db: Kysely<Database>, job: Job, opts: RunnerOptions) {
  const started = opts.now();
  const periods = periodsByRule(job.period_rule as PeriodRule, started.toISOString().slice(0, 10));
  const run = await db
    .insertInto("dhis2_job_run")
    .values({ job_id: job.id, started_at: started, status: "running", periods })
    .returning("id")
    .executeTakeFirstOrThrow();
  let done: Updateable<Database["dhis2_job_run"]> & { status: "success" | "warning" | "error" };
  try {
    const s = await exchange(db, job, periods, opts);
    const count = s?.importCount ?? { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    const conflicts = s?.conflicts?.reduce((n, c) => n + (c.indexes?.length ?? 1), 0) ?? 0;
    done = {
      status: s && s.status !== "SUCCESS" && s.status !== "OK" ? "warning" : "success",
      ...count,
      conflicts,
      message: s?.description ?? null,
    };
  } catch (e) {
    done = { status: "error", message: messageOf(e, plainOf(job, opts.key)) };
  }
  const finished = opts.now();
  await db
    .updateTable("dhis2_job_run")
    .set({ ...done, finished_at: finished })
    .where("id", "=", run.id)
    .execute();
  await db
    .updateTable("dhis2_job")
    .set({
      next_run_at: nextRunAfter(started, job.every_minutes, finished),
      lease_owner: null,
      lease_until: null,
    })
    .where("id", "=", job.id)
    .where("lease_owner", "=", opts.owner ?? "")
    .execute();
  return { jobId: job.id, runId: run.id, status: done.status };
}

/** Runs every job due now, one after another; returns what ran. Never throws for a job's failure. */
export async function runDueDhis2Jobs(db: Kysely<Database>, opts: RunnerOptions) {
  const owner = opts.owner ?? randomUUID();
  const ran: Awaited<ReturnType<typeof runOne>>[] = [];
  for (;;) {
    const job = await claimNext(db, owner, opts.now());
    if (!job) return ran;
    ran.push(await runOne(db, job, { ...opts, owner }));
  }
}
