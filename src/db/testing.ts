import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Db, openPglite, openPostgres } from "./database.ts";

let templateBlob: Blob | undefined;

/**
 * A fresh database for one test (file), copied from the run's migrated template, with Lai Châu's map
 * loaded. The same tests run on PGlite and on PostgreSQL (TEST_DB=postgres).
 */
export async function openTestDb(): Promise<Db> {
  const tpl = inject("dbTemplate");
  if (tpl.kind === "pglite") {
    templateBlob ??= new Blob([fs.readFileSync(tpl.file)]);
    return openPglite({ loadDataDir: templateBlob });
  }
  // named after the run's template so that global teardown drops whatever a failed test left
  const mainPid = tpl.template.replace("lotrinh_tpl_", "");
  const dbName = `lotrinh_t_${mainPid}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  await admin.query(`create database ${dbName} template ${tpl.template}`);
  await admin.end();
  const u = new URL(tpl.url);
  u.pathname = `/${dbName}`;
  const db = await openPostgres(u.toString());
  return {
    ...db,
    close: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: tpl.url });
      await a.connect();
      await a.query(`drop database if exists ${dbName} with (force)`);
      await a.end();
    },
  };
}
