import type { Command } from "commander";
import { formatVnDate, todayIso } from "../domain/dates.ts";
import { sendReminders } from "../usecases/sendReminders.ts";
import { smtpMailer } from "../usecases/shared/smtpMailer.ts";
import { type ConfigSource, nowOf, openReady } from "./shared.ts";

export function registerRemindCommand(program: Command, config: ConfigSource): void {
  program
    .command("remind")
    .description(
      "đôn đốc: thông báo việc sắp đến hạn và quá hạn, gửi thư tổng hợp (nếu có SMTP_URL); không gửi trùng",
    )
    .action(async () => {
      const cfg = config();
      const conn = await openReady(cfg);
      try {
        const today = todayIso(nowOf(cfg)());
        const r = await sendReminders(conn.db, today, cfg.dueSoonDays, smtpMailer(cfg.smtpUrl, cfg.smtpFrom));
        console.log(
          `Ngày ${formatVnDate(today)}: ${r.created} thông báo mới, ${r.emailed} thư tổng hợp đã gửi.`,
        );
      } finally {
        await conn.close();
      }
    });
}
