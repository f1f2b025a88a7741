import type { CompiledQuery, Kysely, KyselyPlugin, QueryId } from "kysely";
import type { Database } from "../../db/schema.ts";
import { createTestApp, type TestApp } from "../testing.ts";

/**
 * A plugin that counts the SQL statements the database runs (begin and commit aside) into `seen`,
 * with their text. A statement is counted when its result comes back, so a subquery built apart and
 * embedded in another statement is not counted twice.
 */
export function statementCounter(db: Kysely<Database>, seen: string[]): KyselyPlugin {
  const compiled = new WeakMap<QueryId, CompiledQuery>();
  return {
    transformQuery(args) {
      compiled.set(args.queryId, db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    async transformResult(args) {
      seen.push((compiled.get(args.queryId)?.sql ?? "?").replace(/\s+/g, " ").slice(0, 160));
      return args.result;
    },
  };
}

/** The app on a fresh test database whose statements are counted: `seen` lists them, emptied at will. */
export async function createCountingTestApp(now: Date): Promise<TestApp & { seen: string[] }> {
  const seen: string[] = [];
  const t = await createTestApp(now, undefined, (db) => statementCounter(db, seen));
  return { ...t, seen };
}
