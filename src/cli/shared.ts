import type { Config } from "../config.ts";
import type { Db } from "../db/database.ts";

export type ConfigSource = () => Config;

/** Opens the configured database, brings the schema up to date and makes sure the map is loaded. */
export async function openReady(cfg: Config, log: (line: string) => void = () => {}): Promise<Db> {
  // loaded when a command runs, not when the CLI starts: `lotrinh --help` stays instant
  const { openDatabase } = await import("../db/database.ts");
  const { migrateToLatest } = await import("../db/migrate.ts");
  const { loadAdministrativeMap } = await import("../usecases/loadAdministrativeMap.ts");
  const { loadIndicatorCatalog } = await import("../usecases/loadIndicatorCatalog.ts");
  const { loadBodySuccessors } = await import("../usecases/loadBodySuccessors.ts");
  const db = await openDatabase(cfg);
  try {
    const applied = await migrateToLatest(db.db);
    if (applied.length > 0) log(`Đã cập nhật cấu trúc dữ liệu: ${applied.join(", ")}`);
    const map = await loadAdministrativeMap(db.db);
    if (map.loaded && map.counts) {
      log(
        `Đã nạp bản đồ hành chính Lai Châu: ${map.counts.communes} xã/phường hiện hành, ${map.counts.oldCommunes} xã/phường/thị trấn trước 1/7/2025, ${map.counts.bodies} cơ quan.`,
      );
    }
    if ((await loadBodySuccessors(db.db)).loaded)
      log("Đã nạp các đơn vị kế thừa của các phòng thuộc thành phố Lai Châu (giải thể từ 01/7/2025).");
    if (await loadIndicatorCatalog(db.db))
      log("Đã nạp danh mục chỉ tiêu và số liệu cấp tỉnh của Kế hoạch 5272/KH-UBND.");
    // named statements only with the schema final (LOTRINH_PG_NAMED_STATEMENTS=0: never, e.g. behind PgBouncer)
    if (cfg.pgNamedStatements) db.schemaReady?.();
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

export function nowOf(cfg: Config): () => Date {
  if (!cfg.now) return () => new Date();
  const fixed = new Date(cfg.now);
  if (Number.isNaN(fixed.getTime())) throw new Error(`LOTRINH_NOW/--now không phải ngày hợp lệ: ${cfg.now}`);
  return () => fixed;
}
