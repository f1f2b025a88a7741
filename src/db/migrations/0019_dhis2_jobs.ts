import { type Kysely, sql } from "kysely";

/**
 * Scheduled DHIS2 exchange (issue 12, item 5). `dhis2_job`: a pull from or a push to one DHIS2
 * instance an administrator configured — its address and credentials (Basic: user name and password;
 * or a personal access token; the secret is never sent back by the API), what to exchange (data set,
 * data elements, org unit root), which period (a rule such as "the last completed year") and how
 * often. `next_run_at` says when it is due; `lease_owner`/`lease_until`: the server process running
 * it now, so that two processes never run one job at once (a lease that runs out is taken over).
 * `dhis2_job_run`: each run with its summary (imported, updated, ignored, deleted, conflicts) or its
 * error. `dhis2_mapping.attributes`: a DHIS2 object's attribute values ({ attributeUid: value }), so
 * imports and exports can name objects by an attribute (DHIS2's ATTRIBUTE:<uid> id scheme).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("dhis2_mapping")
    .addColumn("attributes", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createTable("dhis2_job")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("instance_id", "integer", (c) =>
      c.notNull().references("dhis2_instance.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("auth_kind", "text", (c) => c.notNull())
    .addColumn("username", "text")
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("data_set", "text")
    .addColumn("data_elements", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("org_unit_root", "text")
    .addColumn("period_rule", "text", (c) => c.notNull())
    .addColumn("every_minutes", "integer", (c) => c.notNull())
    .addColumn("enabled", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("next_run_at", "timestamptz", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("dhis2_job_direction", sql`direction in ('pull', 'push')`)
    .addCheckConstraint(
      "dhis2_job_auth",
      sql`(auth_kind = 'basic' and username is not null) or (auth_kind = 'token' and username is null)`,
    )
    .addCheckConstraint("dhis2_job_every", sql`every_minutes between 5 and 525600`)
    .execute();
  await db.schema.createIndex("dhis2_job_due").on("dhis2_job").columns(["next_run_at"]).execute();

  await db.schema
    .createTable("dhis2_job_run")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("job_id", "integer", (c) => c.notNull().references("dhis2_job.id").onDelete("cascade"))
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("finished_at", "timestamptz")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("periods", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("imported", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("ignored", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("deleted", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("conflicts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("message", "text")
    .addCheckConstraint("dhis2_job_run_status", sql`status in ('running', 'success', 'warning', 'error')`)
    .execute();
  await db.schema
    .createIndex("dhis2_job_run_job")
    .on("dhis2_job_run")
    .columns(["job_id", "started_at"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("dhis2_job_run").ifExists().execute();
  await db.schema.dropTable("dhis2_job").ifExists().execute();
  await db.schema.alterTable("dhis2_mapping").dropColumn("attributes").execute();
}
