import path from "node:path";
import type { Command } from "commander";
import { systemActor } from "../domain/roles.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

export function registerDbCommands(program: Command, config: ConfigSource): void {
  const db = program
    .command("db")
    .description("cơ sở dữ liệu: cập nhật cấu trúc, sao lưu, khôi phục, dựng lại bảng tổng hợp");

  db.command("migrate")
    .description("cập nhật cấu trúc dữ liệu lên phiên bản mới nhất")
    .action(async () => {
      const { openDatabase } = await import("../db/database.ts");
      const { migrateToLatest } = await import("../db/migrate.ts");
      const conn = await openDatabase(config());
      try {
        const applied = await migrateToLatest(conn.db);
        console.log(
          applied.length > 0 ? `Đã áp dụng: ${applied.join(", ")}` : "Cấu trúc dữ liệu đã là mới nhất.",
        );
      } finally {
        await conn.close();
      }
    });

  db.command("backup")
    .argument("<file>", "tệp sao lưu sẽ ghi (JSON nén gzip)")
    .description("sao lưu toàn bộ dữ liệu ra một tệp")
    .action(async (file: string) => {
      const { backupDatabase } = await import("../usecases/backupDatabase.ts");
      const cfg = config();
      const conn = await openReady(cfg);
      try {
        const r = await backupDatabase(conn.db, path.resolve(file), nowOf(cfg)());
        console.log(
          `Đã sao lưu ${r.rows.toLocaleString("vi-VN")} dòng từ ${conn.location} vào ${path.resolve(file)}`,
        );
      } finally {
        await conn.close();
      }
    });

  db.command("restore")
    .argument("<file>", "tệp sao lưu")
    .description("thay toàn bộ dữ liệu bằng nội dung tệp sao lưu (tất cả hoặc không gì cả)")
    .action(async (file: string) => {
      const { openDatabase } = await import("../db/database.ts");
      const { MIGRATION_NAMES } = await import("../db/migrate.ts");
      const { todayIso } = await import("../domain/status.ts");
      const { restoreDatabase } = await import("../usecases/restoreDatabase.ts");
      const cfg = config();
      const conn = await openDatabase(cfg);
      try {
        const r = await restoreDatabase(
          conn.db,
          path.resolve(file),
          systemActor("Dòng lệnh"),
          MIGRATION_NAMES,
          todayIso(nowOf(cfg)()),
        );
        console.log(
          `Đã khôi phục ${r.rows.toLocaleString("vi-VN")} dòng (bản sao lưu lúc ${r.createdAt}) vào ${conn.location}`,
        );
      } finally {
        await conn.close();
      }
    });

  db.command("rollups")
    .description("dựng lại bảng tổng hợp số liệu theo bản đồ hành chính hôm nay (máy chủ tự làm khi cần)")
    .action(async () => {
      const { rebuildRollups } = await import("../db/repositories/rollupRepository.ts");
      const { todayIso } = await import("../domain/status.ts");
      const cfg = config();
      const conn = await openReady(cfg);
      try {
        const started = Date.now();
        const r = await rebuildRollups(conn.db, todayIso(nowOf(cfg)()));
        console.log(
          `Đã dựng lại: ${r.pairs.toLocaleString("vi-VN")} quan hệ đơn vị – cấp trên, ${r.rows.toLocaleString("vi-VN")} dòng tổng hợp (${((Date.now() - started) / 1000).toFixed(1).replace(".", ",")} giây).`,
        );
      } finally {
        await conn.close();
      }
    });
}
