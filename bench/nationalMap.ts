/**
 * A national-size administrative map for the benchmarks: one nation (id 1), `provinces` provinces
 * (ids 2…), `communes` communes (1001…) spread over them and `schools` schools (100001…) spread over
 * the communes. Generated ids, so the benches can address any level directly.
 */
import { execFileSync } from "node:child_process";
import { type Kysely, sql } from "kysely";
import { openPostgres } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";

export const PROVINCES = 34;
export const COMMUNES = 3321;

export async function createNationalMap(db: Kysely<Database>, schools: number): Promise<void> {
  await sql`insert into org_unit (id, kind, name, full_name) values (1, 'province', 'Toàn quốc', 'Toàn quốc (sinh để đo)')`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 1 + g, 'province', 'Tỉnh ' || g, 'Tỉnh ' || g from generate_series(1, ${PROVINCES}) g`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 1000 + g, 'commune', 'Xã ' || g, 'Xã ' || g from generate_series(1, ${COMMUNES}) g`.execute(
    db,
  );
  await sql`insert into org_unit (id, kind, name, full_name) select 100000 + g, 'school', 'Trường ' || g, 'Trường ' || g from generate_series(1, ${schools}) g`.execute(
    db,
  );
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), 200000)`.execute(db);
  await sql`insert into org_unit_parent (child_id, parent_id) select 1 + g, 1 from generate_series(1, ${PROVINCES}) g`.execute(
    db,
  );
  await sql`insert into org_unit_parent (child_id, parent_id) select 1000 + g, 2 + (g % ${PROVINCES}) from generate_series(1, ${COMMUNES}) g`.execute(
    db,
  );
  await sql`insert into org_unit_parent (child_id, parent_id) select 100000 + g, 1001 + (g % ${COMMUNES}) from generate_series(1, ${schools}) g`.execute(
    db,
  );
}

/**
 * A fresh, migrated PostgreSQL database for a benchmark: on BENCH_DATABASE_URL (or DATABASE_URL_TEST),
 * else on a throw-away cluster started here, named after the run's process. `drop()` removes the database
 * and stops that cluster.
 */
export async function benchDatabase(base: string) {
  // one database per run: two benches on one shared server must not drop each other's
  const name = `${base}_${process.pid}`;
  let server = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST;
  let stop: (() => void) | null = null;
  if (!server) {
    const out = execFileSync("bash", ["scripts/throwaway-postgres.sh"], { encoding: "utf8" });
    server = /DATABASE_URL_TEST=(\S+)/.exec(out)?.[1] as string;
    const dir = /LOTRINH_PG_DIR=(\S+)/.exec(out)?.[1] as string;
    stop = () => execFileSync("bash", ["scripts/throwaway-postgres.sh", "stop", dir]);
  }
  const admin = await openPostgres(server);
  await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const conn = await openPostgres(u.toString());
  await migrateToLatest(conn.db);
  return {
    conn,
    db: conn.db,
    url: u.toString(),
    async drop() {
      await conn.close();
      const again = await openPostgres(server as string);
      await sql`drop database if exists ${sql.id(name)}`.execute(again.db);
      await again.close();
      stop?.();
    },
  };
}
