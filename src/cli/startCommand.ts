import type { Command } from "commander";
import { roleLabel } from "../domain/roles.ts";
import { DEMO_PLANS } from "../paths.ts";
import { closeFilePool, warmFilePool } from "../server/uploads/filePool.ts";
import type { createDemoAccounts } from "../usecases/demoAccounts.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

export function registerStartCommand(program: Command, config: ConfigSource): void {
  program
    .command("start")
    .description("chạy máy chủ web (cập nhật cấu trúc dữ liệu và nạp bản đồ hành chính nếu cần)")
    .option("--demo", "chế độ trình diễn: tạo tài khoản mẫu cho mỗi vai trò")
    .option("--port <port>", "cổng (mặc định PORT hoặc 3000)")
    .action(async (o: { demo?: boolean; port?: string }) => {
      // the server's modules load when it starts, not with every CLI command
      const { forgetKeysBefore } = await import("../db/repositories/idempotencyRepository.ts");
      const { ensureRollups } = await import("../db/repositories/rollupRepository.ts");
      const { refreshScoreCounts } = await import("../db/repositories/scoreCounts.ts");
      const { countAdmins } = await import("../db/repositories/userRepository.ts");
      const { todayIso } = await import("../domain/status.ts");
      const { buildApp } = await import("../server/app.ts");
      const { createDemoAccounts, removeDemoAccounts } = await import("../usecases/demoAccounts.ts");
      const { loadDemoPlans } = await import("../usecases/loadDemoPlans.ts");
      const { loadSampleFigures } = await import("../usecases/loadSampleFigures.ts");
      const { loadSampleSchools } = await import("../usecases/loadSampleSchools.ts");
      const { sendReminders } = await import("../usecases/sendReminders.ts");
      const { runDueDhis2Jobs } = await import("../usecases/dhis2/runDhis2Jobs.ts");
      const { secretKeyOf } = await import("../usecases/shared/secretBox.ts");
      const { smtpMailer } = await import("../usecases/shared/smtpMailer.ts");
      const base = config();
      const cfg = { ...base, demo: base.demo || Boolean(o.demo), port: o.port ? Number(o.port) : base.port };
      const say = (line: string) => console.log(`[lotrinh] ${line}`);
      const db = await openReady(cfg, say);
      const now = nowOf(cfg);
      const app = await buildApp(
        { db: db.db, dbKind: db.kind, config: cfg, now },
        { logger: { level: cfg.logLevel } },
      );

      let accounts: Awaited<ReturnType<typeof createDemoAccounts>> = [];
      if (cfg.demo) {
        accounts = await createDemoAccounts(db.db, todayIso(now()));
        const plans = await loadDemoPlans(db.db, DEMO_PLANS);
        if (plans.length > 0)
          say(`Đã nhập ${plans.length} văn bản kế hoạch thật để trình diễn: ${plans.join("; ")}`);
        const schools = await loadSampleSchools(db.db);
        if (schools > 0) say(`Đã tạo ${schools} trường học MẪU (3 trường mỗi xã, ghi «(mẫu)»).`);
        const sample = await loadSampleFigures(db.db);
        if (sample > 0) say(`Đã tạo ${sample} số liệu MẪU của các xã (ghi rõ «Dữ liệu mẫu» trên giao diện).`);
      } else {
        const removed = await removeDemoAccounts(db.db);
        if (removed > 0) say(`Đã xóa ${removed} tài khoản mẫu (chế độ trình diễn đang tắt).`);
      }

      // the stored rollups follow the map of today: rebuilt now if the map changed, and again when a
      // date on which the map changes is reached (reads walk the map live until then)
      const keepRollups = async () => {
        try {
          const started = Date.now();
          if (await ensureRollups(db.db, todayIso(now())))
            app.log.info({ ms: Date.now() - started }, "rollups rebuilt for today's map");
        } catch (e) {
          app.log.error({ err: e }, "rollup rebuild failed");
        }
        // the scoreboard's kept counts: everything after the migration or a truncate, else what writes
        // left since (a read does it too, first)
        try {
          const started = Date.now();
          const n = await refreshScoreCounts(db.db);
          if (n > 0)
            app.log.info({ ms: Date.now() - started, occurrences: n }, "scoreboard counts recomputed");
        } catch (e) {
          app.log.error({ err: e }, "scoreboard counts failed");
        }
      };
      const rollupTimer = setInterval(keepRollups, 5 * 60_000);
      rollupTimer.unref();

      // a phone repeats a send within days: idempotency keys older than 30 days are forgotten, daily
      const forgetOldKeys = () =>
        forgetKeysBefore(db.db, new Date(now().getTime() - 30 * 86_400_000)).catch((e) =>
          app.log.error({ err: e }, "forgetting old idempotency keys failed"),
        );
      const keysTimer = setInterval(forgetOldKeys, 24 * 3_600_000);
      keysTimer.unref();

      // đôn đốc: the reminder job runs inside the server (also: npx lotrinh remind)
      const mailer = smtpMailer(cfg.smtpUrl, cfg.smtpFrom);
      const remind = () =>
        sendReminders(db.db, now(), cfg.dueSoonDays, mailer).catch((e) =>
          app.log.error({ err: e }, "reminders failed"),
        );
      const timer =
        cfg.reminderEveryMinutes > 0 ? setInterval(remind, cfg.reminderEveryMinutes * 60_000) : null;
      timer?.unref();

      // scheduled DHIS2 pulls and pushes an administrator configured: due jobs checked every minute,
      // each claimed with a lease in the database (several server processes never run one twice)
      const secretKey = secretKeyOf(cfg);
      const runDhis2 = () =>
        runDueDhis2Jobs(db.db, { now, key: secretKey }).catch((e) =>
          app.log.error({ err: { message: (e as Error).message } }, "DHIS2 job runner failed"),
        );
      const dhis2Timer = setInterval(runDhis2, 60_000);
      dhis2Timer.unref();

      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        say(`Nhận ${signal}: dừng nhận yêu cầu mới, chờ các yêu cầu đang xử lý...`);
        if (timer) clearInterval(timer);
        clearInterval(rollupTimer);
        clearInterval(keysTimer);
        clearInterval(dhis2Timer);
        const killer = setTimeout(() => process.exit(1), 15_000);
        await app.close();
        await closeFilePool();
        await db.close();
        clearTimeout(killer);
        say("Đã dừng.");
        process.exit(0);
      };
      process.on("SIGTERM", () => void shutdown("SIGTERM"));
      process.on("SIGINT", () => void shutdown("SIGINT"));

      await app.listen({ port: cfg.port, host: cfg.host });
      // not awaited before listening: until it is done, totals are computed by walking the map
      void keepRollups();
      void forgetOldKeys();
      // a file worker ready before the first upload (tsx and the readers take seconds to load)
      void warmFilePool().catch(() => undefined);
      if (timer) void remind();
      say(`Cơ sở dữ liệu: ${db.kind === "pglite" ? "PGlite (nhúng)" : "PostgreSQL"} — ${db.location}`);
      say(`Lộ Trình đang chạy tại http://localhost:${cfg.port}`);
      if (accounts.length > 0) {
        say("CHẾ ĐỘ TRÌNH DIỄN — tài khoản mẫu (mật khẩu mới mỗi lần khởi động, chỉ in một lần):");
        for (const a of accounts) {
          say(
            `  ${roleLabel[a.role].padEnd(22)} ${a.username.padEnd(16)} ${a.password}${a.unit ? `   (${a.unit})` : ""}`,
          );
        }
      } else if ((await countAdmins(db.db)) === 0) {
        say(
          'Chưa có quản trị viên. Tạo tài khoản đầu tiên: npx lotrinh user create --username admin --name "Quản trị"',
        );
      }
    });
}
