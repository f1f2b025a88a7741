import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { AppError } from "../errors.ts";
import { namedStatementPool } from "./namedStatements.ts";
import type { Database } from "./schema.ts";
import { watchWrites } from "./writeGeneration.ts";

export type DbKind = "pglite" | "postgres";

export interface Db {
  db: Kysely<Database>;
  kind: DbKind;
  /** Where the data lives, for messages: a directory or a server address (without password). */
  location: string;
  /** The connection URL (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
  /** PostgreSQL: the schema is up to date — statements may now be prepared by name. */
  schemaReady?: () => void;
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;
const identity = (v: string) => v;
/** Dates stay "yyyy-mm-dd" and numerics strings (no time zone, no float rounding); counts are numbers. */
const typeParser = ((oid: number, format?: "text" | "binary") => {
  if (oid === DATE_OID || oid === NUMERIC_OID) return identity;
  if (oid === INT8_OID) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

const MARKER = ".lotrinh-data";

/** Refuses a data directory that holds something other than Lộ Trình's data. */
export function claimDataDir(dataDir: string): string {
  const dbDir = path.join(dataDir, "db");
  if (fs.existsSync(dataDir)) {
    if (!fs.statSync(dataDir).isDirectory()) {
      throw new AppError(
        "DATA_DIR_FOREIGN",
        `"${dataDir}" không phải là thư mục; hãy chọn thư mục dữ liệu khác.`,
      );
    }
    const entries = fs.readdirSync(dataDir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new AppError(
        "DATA_DIR_FOREIGN",
        `Thư mục dữ liệu "${dataDir}" đã có nội dung không phải của Lộ Trình; hãy chọn thư mục trống (LOTRINH_DATA_DIR).`,
      );
    }
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, MARKER), "Lộ Trình data directory\n");
  if (
    fs.existsSync(dbDir) &&
    fs.readdirSync(dbDir).length > 0 &&
    !fs.existsSync(path.join(dbDir, "PG_VERSION"))
  ) {
    throw new AppError("DATA_DIR_FOREIGN", `"${dbDir}" không phải là cơ sở dữ liệu của Lộ Trình.`);
  }
  return dbDir;
}

export interface PgliteOptions {
  /** Directory for the data; omit for an in-memory database. */
  dir?: string;
  /** A data directory dump (PGlite dumpDataDir) to start from. */
  loadDataDir?: Blob;
}

/**
 * A server that goes away (restart, failover: 57P01, a reset socket) emits 'error' on every client it
 * held; so does PGlite's adapter when the engine itself fails. Without a listener Node ends the process;
 * with one, the query in flight fails, the request gets 503 and the pool opens a fresh connection.
 */
function keepErrorsInQueries(pool: pg.Pool) {
  pool.on("error", () => {
    /* idle client errors are reported by the next query */
  });
  pool.on("connect", (client) => {
    client.on("error", () => {
      /* a checked-out client: its current query rejects, and the pool discards the client */
    });
  });
}

/**
 * The embedded database through the same driver as PostgreSQL: node-postgres over PGlite's own adapter
 * (one connection; PGlite has one session), so both databases parse values, name statements
 * (db/namedStatements.ts) and report errors the same way. Named statements matter more here: PGlite
 * plans in WebAssembly, and "Việc của tôi" took 17 ms unnamed against 7 ms named.
 */
export async function openPglite(opts: PgliteOptions): Promise<Db> {
  const client = await PGlite.create({ dataDir: opts.dir, loadDataDir: opts.loadDataDir });
  const pool = new pg.Pool({
    ...createPgConfig(client),
    max: 1,
    // the one connection stays: closing it would not end PGlite's session, only pg's client
    idleTimeoutMillis: 0,
    types: { getTypeParser: typeParser },
  } as pg.PoolConfig);
  keepErrorsInQueries(pool);
  const named = namedStatementPool(pool, { reopen: false });
  const db = new Kysely<Database>({ dialect: watchWrites(new PostgresDialect({ pool: named })) });
  return {
    db,
    kind: "pglite",
    location: opts.dir ?? "(bộ nhớ)",
    schemaReady: () => named.enable(),
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    // ?host=/run/postgresql: the server's Unix socket in that directory (pg reads it over the URL's host)
    const socket = u.searchParams.get("host");
    if (socket?.startsWith("/")) return `${socket} (socket)${u.pathname}`;
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(địa chỉ không hợp lệ)";
  }
}

export async function openPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError(
      "DB_BAD_URL",
      "DATABASE_URL không hợp lệ: cần dạng postgres://người_dùng:mật_khẩu@máy:5432/tên_csdl.",
    );
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new AppError(
      "DB_BAD_URL",
      `DATABASE_URL phải bắt đầu bằng postgres:// (đang là "${parsed.protocol}").`,
    );
  }
  const where = describeUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: { getTypeParser: typeParser },
  });
  keepErrorsInQueries(pool);
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError("DB_UNREACHABLE", `Không kết nối được PostgreSQL tại ${where}: ${reason}`);
  }
  // statements named (parsed once per connection) once the schema is ready: db/namedStatements.ts
  const named = namedStatementPool(pool);
  const db = new Kysely<Database>({ dialect: watchWrites(new PostgresDialect({ pool: named })) });
  const schemaReady = () => named.enable();
  return { db, kind: "postgres", location: where, url, schemaReady, close: () => db.destroy() };
}

/** Opens the configured database: PostgreSQL when a URL is given, else PGlite in dataDir/db. */
export async function openDatabase(cfg: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  const dir = claimDataDir(cfg.dataDir);
  try {
    return await openPglite({ dir });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError("DATA_DIR_FOREIGN", `Không mở được cơ sở dữ liệu trong "${dir}": ${reason}`);
  }
}
