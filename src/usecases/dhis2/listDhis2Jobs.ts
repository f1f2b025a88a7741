/**
 * The scheduled DHIS2 exchanges and their last runs, for the admin page. The secret is never read
 * out: only whether one is stored.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function listDhis2Jobs(db: Kysely<Database>, runsPerJob = 10) {
  const jobs = await db
    .selectFrom("dhis2_job as j")
    .innerJoin("dhis2_instance as i", "i.id", "j.instance_id")
    .select([
      "j.id",
      "j.name",
      "j.instance_id as instanceId",
      "i.name as instanceName",
      "j.direction",
      "j.url",
      "j.auth_kind as authKind",
      "j.username",
      "j.data_set as dataSet",
      "j.data_elements as dataElements",
      "j.org_unit_root as orgUnitRoot",
      "j.period_rule as periodRule",
      "j.every_minutes as everyMinutes",
      "j.enabled",
      "j.next_run_at as nextRunAt",
      "j.lease_until as leaseUntil",
      "j.version",
    ])
    .orderBy("j.name")
    .execute();
  const runs =
    jobs.length === 0
      ? []
      : await db
          .selectFrom("dhis2_job_run")
          .selectAll()
          .where(
            "job_id",
            "in",
            jobs.map((j) => j.id),
          )
          .orderBy("started_at", "desc")
          .orderBy("id", "desc")
          .execute();
  return jobs.map((j) => ({
    ...j,
    nextRunAt: j.nextRunAt.toISOString(),
    leaseUntil: iso(j.leaseUntil),
    runs: runs
      .filter((r) => r.job_id === j.id)
      .slice(0, runsPerJob)
      .map((r) => ({
        id: r.id,
        startedAt: r.started_at.toISOString(),
        finishedAt: iso(r.finished_at),
        status: r.status,
        periods: r.periods,
        imported: r.imported,
        updated: r.updated,
        ignored: r.ignored,
        deleted: r.deleted,
        conflicts: r.conflicts,
        message: r.message,
      })),
  }));
}
