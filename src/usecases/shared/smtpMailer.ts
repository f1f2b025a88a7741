import nodemailer from "nodemailer";
import type { Mailer } from "../sendReminders.ts";

/** SMTP_URL (smtp://user:pass@host:587) and SMTP_FROM configure mail; without them no mail is sent. */
export function smtpMailer(url: string | undefined, from = "Lộ Trình <lotrinh@localhost>"): Mailer | null {
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  return {
    send: async (to, subject, text) => {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
