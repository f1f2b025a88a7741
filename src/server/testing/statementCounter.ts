import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CompiledQuery, Kysely, KyselyPlugin, QueryId } from "kysely";
import { loadConfig } from "../../config.ts";
import type { Database } from "../../db/schema.ts";
import { openTestDb } from "../../db/testing.ts";
import { buildApp } from "../app.ts";
import type { TestApp } from "../testing.ts";

/**
 * Counts the SQL statements the database runs (begin and commit aside) and keeps their text. A
 * statement is counted when its result comes back, so a subquery built apart and embedded in another
 * statement is not counted twice.
 */
export function countingDb(db: Kysely<Database>) {
  const compiled = new WeakMap<QueryId, CompiledQuery>();
  const seen: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      compiled.set(args.queryId, db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      seen.push((compiled.get(args.queryId)?.sql ?? "?").replace(/\s+/g, " ").slice(0, 160));
      return args.result;
    },
  };
  return { db: db.withPlugin(plugin), seen };
}

/** The app on a fresh test database whose statements are counted: `seen` lists them, emptied at will. */
export async function createCountingTestApp(now: Date): Promise<TestApp & { seen: string[] }> {
  const db = await openTestDb();
  const counting = countingDb(db.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-count-"));
  const config = { ...loadConfig({}), demo: false, logLevel: "silent", dataDir };
  const app = await buildApp(
    { db: counting.db, dbKind: db.kind, config, now: () => now },
    { serveWeb: false },
  );
  await app.ready();
  return {
    app,
    db,
    seen: counting.seen,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
