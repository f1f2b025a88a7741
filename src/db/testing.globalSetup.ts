/**
 * Vitest global setup for tests that use a database: migrates one template per run (PGlite dump or
 * PostgreSQL template database) so each test file starts from a copy instead of a fresh migration.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { todayIso } from "../domain/status.ts";
import { loadAdministrativeMap } from "../usecases/loadAdministrativeMap.ts";
import { loadBodySuccessors } from "../usecases/loadBodySuccessors.ts";
import { loadIndicatorCatalog } from "../usecases/loadIndicatorCatalog.ts";
import { openPostgres } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";
import { rebuildRollups } from "./repositories/rollupRepository.ts";
import type { Database } from "./schema.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; url: string; template: string };
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const kind = project.name === "postgres" ? "postgres" : "pglite";
  if (kind === "pglite") {
    const client = await PGlite.create();
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
    await migrateToLatest(db);
    await loadAdministrativeMap(db);
    await loadBodySuccessors(db);
    await loadIndicatorCatalog(db);
    await rebuildRollups(db, todayIso(new Date()));
    const dump = await client.dumpDataDir("gzip");
    await db.destroy();
    const file = path.join(os.tmpdir(), `lotrinh-template-${process.pid}.tgz`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("dbTemplate", { kind: "pglite", file });
    return () => fs.rmSync(file, { force: true });
  }

  const url = process.env.DATABASE_URL_TEST;
  if (!url) throw new Error("TEST_DB=postgres cần DATABASE_URL_TEST");
  const template = `lotrinh_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const tpl = await openPostgres(withDatabase(url, template));
  await migrateToLatest(tpl.db);
  await loadAdministrativeMap(tpl.db);
  await loadBodySuccessors(tpl.db);
  await loadIndicatorCatalog(tpl.db);
  await rebuildRollups(tpl.db, todayIso(new Date()));
  await tpl.close();
  project.provide("dbTemplate", { kind: "postgres", url, template });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1 or datname = $2",
      [`lotrinh_t_${process.pid}_%`, template],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.end();
  };
}
