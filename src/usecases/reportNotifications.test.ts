/**
 * Every step of a report round tells exactly the right people, in the step's transaction, stamped by
 * the injected clock: opening tells the officers of the bodies asked, submitting the round's
 * coordinators, returning/accepting/chasing the body's officers — nobody in another unit. A chase of a
 * body with no officer says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { type Actor, systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { chaseReport } from "./chaseReport.ts";
import { createUser } from "./createUser.ts";
import { importPlanDocument } from "./importPlanDocument.ts";
import { openReportRound } from "./openReportRound.ts";
import { acceptReport, returnReport } from "./reviewReport.ts";
import { submitReport } from "./saveReportDraft.ts";
import { sendReminders } from "./sendReminders.ts";

const PLAN = [
  "KẾ HOẠCH",
  "Kiểm thử báo cáo",
  "Số: 12/KH-UBND",
  "Lai Châu, ngày 01 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tRà soát trẻ trong độ tuổi\tXã Bình Lư\t\tTháng 6/2026",
].join("\n");

// far from the database's own clock, so a timestamp from now() cannot pass for the injected one
const NOW = new Date("2026-07-01T03:00:00Z");
const LATER = new Date("2026-07-03T04:00:00Z");

let db: Db;
let documentId: number;
let provinceId: number;
const unit: Record<"binhLu" | "banBo" | "silent" | "namCuoi", { id: number; name: string }> = {} as never;
const user: Record<string, number> = {};
let opener: Actor;
let binhLuOfficer: Actor;

async function communeNamed(name: string | null, not: number[] = []) {
  let q = db.db
    .selectFrom("org_unit")
    .select(["id", "full_name as name"])
    .where("kind", "=", "commune")
    .where("valid_to", "is", null);
  q = name ? q.where("full_name", "=", name) : q.where("id", "not in", not);
  return q.orderBy("id").executeTakeFirstOrThrow();
}

async function addUser(
  username: string,
  role: "admin" | "coordinator" | "officer",
  orgUnitId: number | null,
  email?: string,
) {
  const u = await createUser(db.db, systemActor("Kiểm thử"), {
    username,
    displayName: username,
    password: "mat-khau-kiem-thu-1",
    role,
    orgUnitId,
    email,
  });
  user[username] = u.id;
  return { id: u.id, name: username, role, orgUnitId } as Actor;
}

async function notesOf(kind: string) {
  const rows = await db.db
    .selectFrom("notification")
    .select(["user_id", "message", "created_at"])
    .where("kind", "=", kind)
    .orderBy("id")
    .execute();
  return rows;
}

const ids = (rows: { user_id: number }[]) => rows.map((r) => r.user_id).sort((a, b) => a - b);
const sorted = (...xs: number[]) => [...xs].sort((a, b) => a - b);

async function submissionOf(roundId: number, unitId: number) {
  return db.db
    .selectFrom("report_submission")
    .select(["id", "version", "updated_at"])
    .where("round_id", "=", roundId)
    .where("unit_id", "=", unitId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  db = await openTestDb();
  const draft = parsePlan(PLAN, { units: await unitCandidates(db.db) });
  documentId = (
    await importPlanDocument(
      db.db,
      systemActor("Kiểm thử"),
      draftToConfirmed(draft, { name: "baocao.txt", format: "text", text: PLAN }),
    )
  ).documentId;
  provinceId = (
    await db.db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  unit.binhLu = await communeNamed("Xã Bình Lư");
  unit.namCuoi = await communeNamed("Xã Nậm Cuổi");
  unit.banBo = await communeNamed(null, [unit.binhLu.id, unit.namCuoi.id]);
  unit.silent = await communeNamed(null, [unit.binhLu.id, unit.namCuoi.id, unit.banBo.id]);
  opener = await addUser("quantri", "admin", null);
  await addUser("dieuphoi", "coordinator", null, "dieuphoi@example.vn");
  await addUser("dieuphoi.nghi", "coordinator", null);
  await db.db
    .updateTable("app_user")
    .set({ active: false })
    .where("id", "=", user["dieuphoi.nghi"] as number)
    .execute();
  binhLuOfficer = await addUser("canbo.binhlu", "officer", unit.binhLu.id, "canbo@binhlu.example");
  await addUser("canbo.banbo", "officer", unit.banBo.id);
  await addUser("canbo.namcuoi", "officer", unit.namCuoi.id, "canbo@namcuoi.example");
});
afterAll(() => db.close());

describe("report round notifications", () => {
  let roundId: number;

  it("opening a round tells the officers of every body asked, once each, and nobody else", async () => {
    const round = await openReportRound(
      db.db,
      opener,
      {
        kind: "six_month",
        documentId,
        year: 2026,
        dueOn: "2026-07-10",
        levelUnitId: provinceId,
        unitIds: [unit.binhLu.id, unit.banBo.id, unit.silent.id],
      },
      NOW,
    );
    roundId = round.id;
    expect(round.created_at.toISOString()).toBe(NOW.toISOString());
    expect((await submissionOf(roundId, unit.silent.id)).updated_at.toISOString()).toBe(NOW.toISOString());
    const asked = await notesOf("report.asked");
    expect(ids(asked)).toEqual(sorted(user["canbo.binhlu"] as number, user["canbo.banbo"] as number));
    const binhLu = asked.find((n) => n.user_id === user["canbo.binhlu"]);
    expect(binhLu?.message).toContain(unit.binhLu.name);
    expect(binhLu?.message).not.toContain(unit.banBo.name);
    expect(binhLu?.message).toContain("hạn 10/07/2026");
    expect(asked.every((n) => n.created_at.toISOString() === NOW.toISOString())).toBe(true);
  });

  it("submitting tells the one who opened the round and the active coordinators, not the officers", async () => {
    const sub = await submissionOf(roundId, unit.binhLu.id);
    await submitReport(db.db, binhLuOfficer, sub.id, { version: sub.version, content: {} }, LATER);
    const submitted = await notesOf("report.submitted");
    expect(ids(submitted)).toEqual(sorted(opener.id as number, user.dieuphoi as number));
    expect(submitted[0]?.message).toContain(unit.binhLu.name);
    expect(submitted.every((n) => n.created_at.toISOString() === LATER.toISOString())).toBe(true);
    expect((await submissionOf(roundId, unit.binhLu.id)).updated_at.toISOString()).toBe(LATER.toISOString());
  });

  it("returning (with the reason) and accepting tell the body's officers only; a resubmission tells again", async () => {
    let sub = await submissionOf(roundId, unit.binhLu.id);
    await returnReport(
      db.db,
      opener,
      sub.id,
      { version: sub.version, reason: "Thiếu số liệu quý II" },
      LATER,
    );
    const returned = await notesOf("report.returned");
    expect(ids(returned)).toEqual([user["canbo.binhlu"]]);
    expect(returned[0]?.message).toContain("Thiếu số liệu quý II");
    sub = await submissionOf(roundId, unit.binhLu.id);
    await submitReport(db.db, binhLuOfficer, sub.id, { version: sub.version, content: {} }, LATER);
    expect(await notesOf("report.submitted")).toHaveLength(4);
    sub = await submissionOf(roundId, unit.binhLu.id);
    await acceptReport(db.db, opener, sub.id, { version: sub.version }, LATER);
    expect(ids(await notesOf("report.accepted"))).toEqual([user["canbo.binhlu"]]);
    const namCuoi = await db.db
      .selectFrom("notification")
      .select("id")
      .where("user_id", "=", user["canbo.namcuoi"] as number)
      .execute();
    expect(namCuoi).toHaveLength(0);
  });

  it("a chase says whom it reached, with or without e-mail, and a body with no officer as unreached", async () => {
    const reachable = await submissionOf(roundId, unit.banBo.id);
    const reached = await chaseReport(db.db, opener, reachable.id, { version: reachable.version }, LATER);
    expect(reached).toMatchObject({
      notified: 1,
      reached: [{ unitName: unit.banBo.name, people: [{ name: "canbo.banbo", email: false }] }],
      unreached: [],
    });
    expect(reached.submission.chase_count).toBe(1);
    expect(ids(await notesOf("report_chase"))).toEqual([user["canbo.banbo"]]);

    const silent = await submissionOf(roundId, unit.silent.id);
    const none = await chaseReport(db.db, opener, silent.id, { version: silent.version }, LATER);
    expect(none).toMatchObject({
      notified: 0,
      reached: [],
      unreached: [{ body: unit.silent.name, reason: "no_users" }],
    });
    expect(none.submission.chased_at?.toISOString()).toBe(LATER.toISOString());
    // the audit row keeps whom it reached and who could not be reached
    const audit = await db.db
      .selectFrom("audit_log")
      .select("after")
      .where("action", "=", "report.chase")
      .where("entity_id", "=", String(silent.id))
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      notified: 0,
      unreached: [{ body: unit.silent.name, reason: "no_users" }],
    });
    expect(await notesOf("report_chase")).toHaveLength(1);
  });

  it("the daily digest carries the round's notifications to those with an e-mail address", async () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    const mailer = {
      send: async (to: string, subject: string, text: string) => void sent.push({ to, subject, text }),
    };
    await sendReminders(db.db, new Date("2026-07-03T03:00:00Z"), 0, mailer);
    const officer = sent.find((m) => m.to === "canbo@binhlu.example");
    // three report notifications and one overdue task: each counted under its own word
    expect(officer?.text).toContain("Lộ Trình có 4 thông báo mới về nhiệm vụ và báo cáo của đơn vị:");
    expect(officer?.subject).toBe("[Lộ Trình] 1 nhiệm vụ, 3 báo cáo cần chú ý — 03/07/2026");
    expect(officer?.text).toContain("Yêu cầu báo cáo:");
    expect(officer?.text).toContain("Thiếu số liệu quý II");
    expect(officer?.text).toContain("Báo cáo đã được tiếp nhận");
    expect(sent.find((m) => m.to === "dieuphoi@example.vn")?.text).toContain("Đã nhận báo cáo:");
    expect(sent.some((m) => m.to === "canbo@namcuoi.example")).toBe(false);
  });
});
