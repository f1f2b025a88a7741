import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { sendReminders } from "../usecases/sendReminders.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/**
 * Every step of following a task, and the reminder job, stamp their notifications (and the digest's
 * times) with the injected clock, as the rest of the app does — never the database's own clock. The
 * clock here is months away from the machine's, so a time taken from the database shows at once.
 */
const STEP_AT = new Date("2026-06-20T03:04:05.678Z");
const REMIND_AT = new Date("2026-07-01T01:02:03.456Z");
let now = STEP_AT;

const PLAN = [
  "KẾ HOẠCH",
  "Kiểm thử giờ thông báo",
  "Số: 77/KH-UBND",
  "Bình Lư, ngày 02 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tĐiều tra trẻ trong độ tuổi đến trường\tPhòng Văn hóa - Xã hội\t\tTháng 6/2026",
  "2\tVận động trẻ ra lớp\tPhòng Văn hóa - Xã hội\t\tQuý III/2026",
  "3\tBáo cáo kết quả điều tra\tPhòng Văn hóa - Xã hội\t\tTháng 6/2026",
].join("\n");

let t: TestApp;
let coordinator: Client;
let officer: Client;
const taskIds: number[] = [];

interface Occ {
  id: number;
  version: number;
}
interface Note {
  kind: string;
  created_at: string;
}

async function occurrenceOf(taskId: number): Promise<Occ & { taskVersion: number }> {
  const res = await coordinator.request("GET", `/api/tasks/${taskId}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  return { ...(body.occurrences[0] as Occ), taskVersion: body.task.version as number };
}

async function send(client: Client, method: "POST" | "PATCH", url: string, body: object) {
  const res = await client.request(method, url, body);
  expect(res.statusCode, res.body).toBe(200);
}
const post = (client: Client, url: string, body: object) => send(client, "POST", url, body);

async function inbox(client: Client): Promise<Note[]> {
  return (await client.request("GET", "/api/notifications")).json().notifications;
}

beforeAll(async () => {
  t = await createTestApp(() => now);
  const db = t.db.db;
  const draft = parsePlan(PLAN, { units: await unitCandidates(db) });
  const { documentId } = await importPlanDocument(
    db,
    systemActor("Kiểm thử"),
    draftToConfirmed(draft, { name: "77.txt", format: "text", text: PLAN }),
  );
  const tasks = await db
    .selectFrom("plan_task")
    .select("id")
    .where("document_id", "=", documentId)
    .orderBy("position")
    .execute();
  taskIds.push(...tasks.map((r) => r.id));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
  await db
    .updateTable("app_user")
    .set({ email: "canbo@binhlu.example" })
    .where("id", "=", officer.userId)
    .execute();
});
afterAll(() => t?.close());

describe("notification times come from the injected clock", () => {
  it("proposed, returned, proposed again, confirmed, extended, chased, reassigned: each at the step's time", async () => {
    const [first, second] = taskIds as [number, number];
    let o = await occurrenceOf(first);
    await post(officer, `/api/occurrences/${o.id}/propose`, { version: o.version, text: "Đã điều tra." });
    o = await occurrenceOf(first);
    await post(coordinator, `/api/occurrences/${o.id}/return`, {
      version: o.version,
      reason: "Thiếu số liệu",
    });
    o = await occurrenceOf(first);
    await post(officer, `/api/occurrences/${o.id}/propose`, { version: o.version, text: "Đã bổ sung." });
    o = await occurrenceOf(first);
    await post(coordinator, `/api/occurrences/${o.id}/confirm`, { version: o.version, text: "" });

    o = await occurrenceOf(second);
    await post(coordinator, `/api/occurrences/${o.id}/extend`, {
      version: o.version,
      due: "2026-12-31",
      reason: "Chờ kinh phí",
    });
    await post(coordinator, `/api/occurrences/${o.id}/chase`, { message: "Đề nghị báo cáo tiến độ" });
    o = await occurrenceOf(second);
    await send(coordinator, "PATCH", `/api/tasks/${second}/lead`, {
      version: o.taskVersion,
      unitIds: [await unitIdByName(t.db, "Xã Bình Lư")],
      reason: "Giao xã chủ trì",
    });

    const notes = [...(await inbox(coordinator)), ...(await inbox(officer))];
    expect(notes.map((n) => n.kind).sort()).toEqual([
      "chase",
      "confirm",
      "extend",
      "propose_done",
      "propose_done",
      "reassign",
      "return",
    ]);
    for (const n of notes)
      expect([n.kind, new Date(n.created_at).toISOString()]).toEqual([n.kind, STEP_AT.toISOString()]);
  });

  it("the reminder job stamps its notifications, the e-mail sent mark and the digest with its clock", async () => {
    now = REMIND_AT;
    const sent: string[] = [];
    const r = await sendReminders(t.db.db, REMIND_AT, 7, { send: async (to) => void sent.push(to) });
    expect(r.created).toBeGreaterThan(0);
    expect(sent).toEqual(["canbo@binhlu.example"]);
    const reminders = await t.db.db
      .selectFrom("notification")
      .select(["kind", "created_at", "emailed_at"])
      .where("kind", "in", ["overdue", "due_soon"])
      .execute();
    expect(reminders.length).toBe(r.created);
    for (const n of reminders) expect(new Date(n.created_at).toISOString()).toBe(REMIND_AT.toISOString());
    const mailed = await t.db.db
      .selectFrom("notification")
      .select("emailed_at")
      .where("user_id", "=", officer.userId)
      .execute();
    expect(mailed.length).toBeGreaterThan(1);
    for (const n of mailed)
      expect(new Date(n.emailed_at as Date).toISOString()).toBe(REMIND_AT.toISOString());
    const digest = await t.db.db.selectFrom("email_digest").selectAll().executeTakeFirstOrThrow();
    expect([digest.day, new Date(digest.sent_at).toISOString()]).toEqual([
      "2026-07-01",
      REMIND_AT.toISOString(),
    ]);
  });
});
