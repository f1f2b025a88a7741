import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { type Kysely, sql } from "kysely";
import { migrateToLatest } from "../db/migrate.ts";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { mapChanged } from "../db/repositories/orgUnitRepository.ts";
import { rebuildRollups } from "../db/repositories/rollupRepository.ts";
import { forgetAllSessions } from "../db/repositories/sessionCache.ts";
import type { Database } from "../db/schema.ts";
import { NOT_BACKED_UP, SERIAL_TABLES, TABLES_IN_ORDER } from "../db/tables.ts";
import type { Actor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { AppError } from "../errors.ts";
import { BACKUP_FORMAT, type BackupFile } from "./backupDatabase.ts";

/** The largest JSON a V8 string can hold (≈ 512 MB): a bigger "backup" cannot be one of ours. */
export const MAX_BACKUP_JSON_BYTES = 512 * 1024 * 1024;

function invalid(message: string): AppError {
  return new AppError("BACKUP_INVALID", message);
}

export function readBackup(file: string): BackupFile {
  if (!fs.existsSync(file)) throw invalid(`Không tìm thấy tệp sao lưu "${file}".`);
  let parsed: unknown;
  try {
    // inflated with a hard ceiling on the bytes produced: a gzip bomb stops here, not in the heap
    const json = gunzipSync(fs.readFileSync(file), { maxOutputLength: MAX_BACKUP_JSON_BYTES });
    parsed = JSON.parse(json.toString("utf8"));
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw invalid(`"${file}" giải nén ra hơn 512 MB; không phải tệp sao lưu hợp lệ của Lộ Trình.`);
    }
    throw invalid(`"${file}" không phải là tệp sao lưu của Lộ Trình (không đọc được).`);
  }
  const b = parsed as Partial<BackupFile>;
  if (b?.format !== BACKUP_FORMAT || typeof b.tables !== "object" || !Array.isArray(b.migrations)) {
    throw invalid(`"${file}" không phải là tệp sao lưu của Lộ Trình.`);
  }
  return b as BackupFile;
}

function toColumnValue(v: unknown): unknown {
  return v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v;
}

/**
 * Replaces every row with the backup's, all or nothing: on any error the database is unchanged.
 * The schema is first brought to the latest version; a backup from a newer version is refused.
 */
export async function restoreDatabase(
  db: Kysely<Database>,
  file: string,
  actor: Actor,
  known: string[],
  today: string = todayIso(new Date()),
) {
  const backup = readBackup(file);
  const unknown = backup.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw invalid(
      `Bản sao lưu đến từ phiên bản mới hơn của Lộ Trình (${unknown.join(", ")}); hãy cập nhật trước.`,
    );
  }
  await migrateToLatest(db);
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    for (const t of [...TABLES_IN_ORDER].reverse()) await sql`delete from ${sql.table(t)}`.execute(trx);
    for (const t of TABLES_IN_ORDER) {
      if (NOT_BACKED_UP.has(t)) continue;
      const list = backup.tables[t] ?? [];
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list
          .slice(i, i + 500)
          .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toColumnValue(v)])));
        await trx
          .insertInto(t)
          // biome-ignore lint/suspicious/noExplicitAny: rows are copied column for column from the backup
          .values(chunk as any)
          .execute();
      }
      rows += list.length;
      if (SERIAL_TABLES.has(t)) {
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
    // the closure and rollups are derived, never backed up: rebuilt from the restored rows
    await rebuildRollups(trx, today);
    await recordAudit(trx, actor, {
      action: "db.restore",
      entity: "database",
      after: { file, createdAt: backup.createdAt, rows },
    });
  });
  // every session and every officer's scope kept in memory describe the database before the restore
  forgetAllSessions();
  mapChanged();
  return { rows, createdAt: backup.createdAt };
}
