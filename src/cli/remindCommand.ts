import type { Command } from "commander";
import { formatVnDate } from "../domain/dates.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

export function registerRemindCommand(program: Command, config: ConfigSource): void {
  program
    .command("remind")
    .description(
      "đôn đốc: thông báo việc sắp đến hạn và quá hạn, gửi thư tổng hợp (nếu có SMTP_URL); không gửi trùng",
    )
    .action(async () => {
      const { todayIso } = await import("../domain/status.ts");
      const { sendReminders } = await import("../usecases/sendReminders.ts");
      const { smtpMailer } = await import("../usecases/shared/smtpMailer.ts");
      const cfg = config();
      const conn = await openReady(cfg);
      try {
        const now = nowOf(cfg)();
        const today = todayIso(now);
        const r = await sendReminders(conn.db, now, cfg.dueSoonDays, smtpMailer(cfg.smtpUrl, cfg.smtpFrom));
        console.log(
          `Ngày ${formatVnDate(today)}: ${r.created} thông báo mới, ${r.emailed} thư tổng hợp đã gửi.`,
        );
      } finally {
        await conn.close();
      }
    });
}
