import fs from "node:fs";
import { gzipSync } from "node:zlib";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import { NOT_BACKED_UP, TABLES_IN_ORDER } from "../db/tables.ts";

export const BACKUP_FORMAT = "lotrinh-backup";
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * Writes the whole database as gzip-compressed JSON: readable by any PostgreSQL build of Lộ Trình
 * (embedded or server), so a backup taken on one restores on the other. Read in one transaction so
 * the copy is consistent.
 */
export async function backupDatabase(
  db: Kysely<Database>,
  file: string,
  now: Date,
): Promise<{ rows: number }> {
  const data = await db.transaction().execute(async (trx) => {
    await sql`set transaction isolation level repeatable read`.execute(trx).catch(() => {});
    const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      trx,
    );
    const tables: BackupFile["tables"] = {};
    for (const t of TABLES_IN_ORDER) {
      if (NOT_BACKED_UP.has(t)) continue;
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by 1`.execute(trx);
      tables[t] = rows.rows;
    }
    return { migrations: migrations.rows.map((r) => r.name), tables };
  });
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    ...data,
  };
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, gzipSync(Buffer.from(JSON.stringify(backup))));
  fs.renameSync(tmp, file);
  return { rows: Object.values(data.tables).reduce((n, rows) => n + rows.length, 0) };
}
