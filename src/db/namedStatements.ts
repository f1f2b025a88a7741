import { createHash } from "node:crypto";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/*
 * PostgreSQL parses and plans an unnamed statement every time; a named one is parsed once per connection
 * and its plan may be kept. This pool gives Kysely clients that send each plain statement under a name
 * made from a hash of its text (the `pg` client's { name, text, values }); pg remembers per connection
 * which names the server already holds.
 */

/** Statements that may be prepared: one reading or writing statement, no utility command. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Per connection at most this many names, so that texts varying with list lengths cannot grow the server's memory. */
const MAX_PER_CONNECTION = 400;
/** Longer texts (a restore's 500-row inserts) are rare and gain nothing from a name. */
const MAX_TEXT = 8000;

const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lt_${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  return name;
}

/** The pg client's query, as called here: text and values, a query config, or a cursor. */
interface PgClient {
  query(textOrConfig: unknown, values?: unknown[]): Promise<PostgresQueryResult<unknown>>;
  release(destroy?: boolean): void;
}

function named(inner: PgClient): PostgresPoolClient {
  const held = new Set<string>();
  const query = (sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
    if (typeof sqlOrCursor !== "string" || !parameters) return inner.query(sqlOrCursor);
    const text = sqlOrCursor;
    // a text with parameters goes through the extended protocol anyway, which takes one command only, so
    // its semicolons are inside literals (`string_agg(x, '; ')`); one without may be several commands
    if (text.length > MAX_TEXT || !PREPARABLE.test(text) || (parameters.length === 0 && text.includes(";")))
      return inner.query(text, [...parameters]);
    const name = nameOf(text);
    if (!held.has(name)) {
      if (held.size >= MAX_PER_CONNECTION) return inner.query(text, [...parameters]);
      held.add(name);
    }
    return inner.query({ name, text, values: [...parameters] });
  };
  return {
    query: query as PostgresPoolClient["query"],
    release: (destroy?: boolean) => inner.release(destroy),
  };
}

export interface NamedStatementPool extends PostgresPool {
  /**
   * Start naming statements. Called once the schema is up to date (cli/shared.ts openReady), so that no
   * statement is prepared before a migration changes what it returns ("cached plan must not change
   * result type"); connections opened before are closed when released, their statements with them.
   */
  enable(): void;
}

/**
 * The pool as Kysely sees it, its clients naming their statements once enabled (one wrapper per pg
 * client). `reopen: false` keeps the connections opened before: PGlite's one session outlives any pg
 * client, so closing one would change nothing but race its adapter's end with the next client.
 */
export function namedStatementPool(pool: PostgresPool, { reopen = true } = {}): NamedStatementPool {
  const wrappers = new WeakMap<PostgresPoolClient, PostgresPoolClient>();
  const before = new WeakSet<PostgresPoolClient>();
  let enabled = false;
  return {
    options: pool.options,
    end: () => pool.end(),
    enable: () => {
      enabled = true;
    },
    connect: async () => {
      let client = await pool.connect();
      if (!enabled) {
        if (reopen) before.add(client);
        return client;
      }
      // connections from before: closed (the pool opens fresh ones, named from the start)
      while (before.has(client)) {
        before.delete(client);
        client.release(true);
        client = await pool.connect();
      }
      let w = wrappers.get(client);
      if (!w) {
        w = named(client as unknown as PgClient);
        wrappers.set(client, w);
      }
      return w;
    },
  };
}
