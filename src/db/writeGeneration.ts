import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from "kysely";

/*
 * The process-wide write generation: a number that grows after every committed change made through a
 * database this process opened (`watchWrites` wraps its Kysely dialect). A statement outside a
 * transaction counts once it has run; inside one, the transaction counts when its COMMIT has returned —
 * and only if it wrote. The read cache (server/readCache.ts) compares it with the generation a session
 * saw after its own last write, so that a session never reads an answer older than what it wrote.
 * Writes by another process (the CLI, a second server on the same PostgreSQL) do not move it.
 */

let generation = 0;

/** The current write generation of this process. */
export const writeGeneration = (): number => generation;

const READ_START = /^\s*(select|with|values|show|explain)\b/i;
const WRITE_WORD = /\b(insert|update|delete|merge|truncate|nextval|setval|set_config|pg_advisory\w*)\b/i;

/** Whether a statement may change data: anything but a SELECT node or a raw text that only reads. */
export function mayWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === "SelectQueryNode") return false;
  if (kind !== "RawNode") return true;
  return !READ_START.test(query.sql) || WRITE_WORD.test(query.sql);
}

/** A connection as Kysely sees it, noting whether the open transaction (if any) wrote. */
class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  wrote = false;
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const write = mayWrite(query);
    if (write && this.inTransaction) this.wrote = true;
    const result = await this.inner.executeQuery<R>(query);
    if (write && !this.inTransaction) generation++;
    return result;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    if (mayWrite(query)) {
      if (this.inTransaction) this.wrote = true;
      else generation++;
    }
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const innerOf = (c: DatabaseConnection): DatabaseConnection => (c instanceof WatchedConnection ? c.inner : c);

class WatchedDriver implements Driver {
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new WatchedConnection(await this.inner.acquireConnection());
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings) {
    await this.inner.beginTransaction(innerOf(c), settings);
    if (c instanceof WatchedConnection) {
      c.inTransaction = true;
      c.wrote = false;
    }
  }
  async commitTransaction(c: DatabaseConnection) {
    try {
      await this.inner.commitTransaction(innerOf(c));
    } finally {
      // a failed COMMIT may still have committed (the link broke after): counting it is the safe side
      if (c instanceof WatchedConnection) {
        if (c.wrote) generation++;
        c.inTransaction = false;
        c.wrote = false;
      }
    }
  }
  async rollbackTransaction(c: DatabaseConnection) {
    if (c instanceof WatchedConnection) {
      c.inTransaction = false;
      c.wrote = false;
    }
    await this.inner.rollbackTransaction(innerOf(c));
  }
  savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.needs("savepoint").savepoint?.(innerOf(c), name, compile) as Promise<void>;
  }
  rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.needs("rollbackToSavepoint").rollbackToSavepoint?.(
      innerOf(c),
      name,
      compile,
    ) as Promise<void>;
  }
  releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return this.needs("releaseSavepoint").releaseSavepoint?.(innerOf(c), name, compile) as Promise<void>;
  }
  private needs(method: "savepoint" | "rollbackToSavepoint" | "releaseSavepoint"): Driver {
    if (!this.inner[method]) throw new Error(`the database driver has no ${method}`);
    return this.inner;
  }
  releaseConnection(c: DatabaseConnection) {
    return this.inner.releaseConnection(innerOf(c));
  }
  destroy() {
    return this.inner.destroy();
  }
}

/** The dialect with its driver watched: committed writes move the write generation. */
export function watchWrites(dialect: Dialect): Dialect {
  return {
    createDriver: () => new WatchedDriver(dialect.createDriver()),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
