import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { createUser } from "./createUser.ts";
import { importPlanDocument } from "./importPlanDocument.ts";
import { sendReminders } from "./sendReminders.ts";
import { smtpMailer } from "./shared/smtpMailer.ts";

const PLAN = [
  "KẾ HOẠCH",
  "Kiểm thử đôn đốc",
  "Số: 9/KH-UBND",
  "Bình Lư, ngày 01 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tRà soát trẻ trong độ tuổi\tPhòng Văn hóa - Xã hội\tCông an xã\tTháng 6/2026",
  "2\tBáo cáo sơ bộ\tCông an xã\t\t05/7/2026 trước ngày 05/7/2026",
  "3\tTổng kết\tPhòng Văn hóa - Xã hội\t\tQuý IV năm 2026",
].join("\n");

/** Mail bodies come quoted-printable; decode them to read what a person reads. */
function decodeQuotedPrintable(raw: string): string {
  const body = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes).toString("utf8");
}

let db: Db;
let smtp: SMTPServer;
let port = 0;
const inbox: { to: string; body: string }[] = [];

beforeAll(async () => {
  db = await openTestDb();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, cb) {
      let body = "";
      stream.on("data", (c) => {
        body += c.toString();
      });
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  const draft = parsePlan(PLAN, { units: await unitCandidates(db.db) });
  await importPlanDocument(
    db.db,
    systemActor("Kiểm thử"),
    draftToConfirmed(draft, { name: "dondoc.txt", format: "text", text: PLAN }),
  );
  const binhLu = await db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", "Xã Bình Lư")
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  const officer = await createUser(db.db, systemActor("Kiểm thử"), {
    username: "canbo",
    displayName: "Cán bộ Bình Lư",
    password: "mat-khau-can-bo-1",
    role: "officer",
    orgUnitId: binhLu.id,
  });
  await db.db
    .updateTable("app_user")
    .set({ email: "canbo@binhlu.example" })
    .where("id", "=", officer.id)
    .execute();
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.close();
});

describe("sendReminders (đôn đốc)", () => {
  it("notifies due-soon and overdue work once, and mails one digest per person per day", async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "Lộ Trình <lotrinh@example>");
    const first = await sendReminders(db.db, new Date("2026-07-01T03:00:00Z"), 7, mailer);
    // task 1 overdue (30/6), task 2 due soon (5/7); task 3 not yet
    const notes = await db.db.selectFrom("notification").select(["kind", "message"]).orderBy("id").execute();
    expect(notes.map((n) => n.kind).sort()).toEqual(["due_soon", "overdue"]);
    expect(first).toEqual({ created: 2, emailed: 1 });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.to).toBe("canbo@binhlu.example");
    const text = decodeQuotedPrintable(inbox[0]?.body ?? "");
    expect(text).toContain("Kính gửi Cán bộ Bình Lư");
    expect(text).toContain("Quá hạn: nhiệm vụ 1 (9/KH-UBND)");
    expect(text).toContain("Sắp đến hạn: nhiệm vụ 2");

    const again = await sendReminders(db.db, new Date("2026-07-01T03:00:00Z"), 7, mailer);
    expect(again).toEqual({ created: 0, emailed: 0 });
    const nextDay = await sendReminders(db.db, new Date("2026-07-02T03:00:00Z"), 7, mailer);
    expect(nextDay.created).toBe(0);
    expect(inbox).toHaveLength(1);
  });

  it("works without mail configured", async () => {
    const r = await sendReminders(db.db, new Date("2026-12-25T03:00:00Z"), 7, null);
    expect(r.emailed).toBe(0);
    expect(r.created).toBeGreaterThan(0);
  });
});
