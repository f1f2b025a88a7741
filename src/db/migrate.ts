import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, Migrator } from "kysely/migration";
import * as m0001 from "./migrations/0001_foundation.ts";
import * as m0002 from "./migrations/0002_plans.ts";
import * as m0003 from "./migrations/0003_following.ts";
import * as m0004 from "./migrations/0004_figures.ts";
import * as m0005 from "./migrations/0005_rollups.ts";
import * as m0006 from "./migrations/0006_figures.ts";
import * as m0007 from "./migrations/0007_tasks.ts";
import * as m0008 from "./migrations/0008_bodies.ts";
import * as m0009 from "./migrations/0009_hostile.ts";
import * as m0010 from "./migrations/0010_reports.ts";
// @overview
import * as m0011 from "./migrations/0011_forms.ts";
// @writes
import * as m0012 from "./migrations/0012_indicators.ts";
// @readcache
// @pgworker
import * as m0013 from "./migrations/0013_dhis2.ts";
// @suite
import * as m0014 from "./migrations/0014_pwa.ts";
// @spare
import * as m0015 from "./migrations/0015_reach.ts";
// @checks
import * as m0017 from "./migrations/0017_pages.ts";
import * as m0018 from "./migrations/0018_coverage.ts";
import * as m0019 from "./migrations/0019_dhis2_jobs.ts";
// @scoreboard
import * as m0020 from "./migrations/0020_scoreboard.ts";
import type { Database } from "./schema.ts";

/** Migrations are listed here, in order, so they work the same from source and from a bundle. */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_plans": m0002,
  "0003_following": m0003,
  "0004_figures": m0004,
  "0005_rollups": m0005,
  "0006_figures": m0006,
  "0007_tasks": m0007,
  "0008_bodies": m0008,
  "0009_hostile": m0009,
  "0010_reports": m0010,
  // @scoreboard
  "0020_scoreboard": m0020,
  // @overview
  "0018_coverage": m0018,
  "0011_forms": m0011,
  // @writes
  "0012_indicators": m0012,
  // @readcache
  // @pgworker
  "0013_dhis2": m0013,
  "0019_dhis2_jobs": m0019,
  // @suite
  "0014_pwa": m0014,
  // @checks
  "0017_pages": m0017,
  // @spare
  "0015_reach": m0015,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

export const MIGRATION_NAMES = Object.keys(migrations);
