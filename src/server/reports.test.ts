/**
 * A 6-month round on 47-KH/ĐU, as the check runs it: the coordinator opens it, two bodies
 * draft and submit, one is returned and resubmits, one is late and chased, the province compiles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { isPartyBody } from "../reports/format.ts";
import type { ReportModel } from "../reports/model.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { sendReminders } from "../usecases/sendReminders.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

let now = new Date("2026-07-01T03:00:00Z");
let t: TestApp;
let coordinator: Client;
let leader: Client;
let so: Client;
let binhLu: Client;
let outsider: Client;
let provinceDoc: number;
let binhLuDoc: number;
let provinceId: number;
let soId: number;
let soName: string;
let roundId: number;

async function importSeed(prefix: string) {
  const text = readSeed(prefix);
  const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
  const confirmed = draftToConfirmed(draft, { name: `${prefix}.txt`, format: "text", text });
  return (await importPlanDocument(t.db.db, systemActor("Kiểm thử"), confirmed)).documentId;
}

type Sub = { id: number; unit_id: number; unit_name: string; status: string; version: number; late: boolean };
async function roundAs(c: Client) {
  const res = await c.request("GET", `/api/reports/rounds/${roundId}`);
  return { status: res.statusCode, subs: (res.json().submissions ?? []) as Sub[] };
}

describe.runIf(seedsAvailable())("periodic reports: a 6-month round on 47-KH/ĐU", () => {
  beforeAll(async () => {
    t = await createTestApp(() => now);
    provinceDoc = await importSeed("000_");
    binhLuDoc = await importSeed("003_");
    const province = await t.db.db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "province")
      .executeTakeFirstOrThrow();
    provinceId = province.id;
    coordinator = await signIn(t, "dieuphoi", "coordinator");
    leader = await signIn(t, "lanhdao", "leader");
    binhLu = await signIn(t, "canbo.binhlu", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
    outsider = await signIn(t, "canbo.namcuoi", "officer", await unitIdByName(t.db, "Xã Nậm Cuổi"));
  });
  afterAll(() => t.close());

  it("only a coordinator opens a round; by default every body leading a task of the plan is asked", async () => {
    const body = {
      kind: "six_month",
      documentId: provinceDoc,
      year: 2026,
      dueOn: "2026-07-10",
      levelUnitId: provinceId,
    };
    expect((await outsider.request("POST", "/api/reports/rounds", body)).statusCode).toBe(403);
    expect((await leader.request("POST", "/api/reports/rounds", body)).statusCode).toBe(403);
    expect(
      (await coordinator.request("POST", "/api/reports/rounds", { ...body, dueOn: "2026-02-30" })).statusCode,
    ).toBe(400);
    const res = await coordinator.request("POST", "/api/reports/rounds", body);
    expect(res.statusCode).toBe(201);
    const round = res.json().round;
    roundId = round.id;
    expect(round).toMatchObject({ window_from: "2025-12-15", window_to: "2026-06-14", due_on: "2026-07-10" });
    const leads = await t.db.db
      .selectFrom("task_body as b")
      .innerJoin("plan_task as p", "p.id", "b.task_id")
      .select("b.unit_id")
      .distinct()
      .where("p.document_id", "=", provinceDoc)
      .where("b.role", "=", "lead")
      .where("b.unit_id", "is not", null)
      .execute();
    expect(round.asked).toBe(leads.length);
    const { subs } = await roundAs(coordinator);
    expect(subs.map((s) => s.unit_id).sort()).toEqual(leads.map((l) => l.unit_id).sort());
    // the body whose report is followed below: a Party body, so the Party layout is exercised
    const chosen = subs.find((s) => isPartyBody(s.unit_name)) ?? (subs[0] as Sub);
    soId = chosen.unit_id;
    soName = chosen.unit_name;
    so = await signIn(t, "canbo.so", "officer", soId);
  });

  it("an officer sees only the round's row of their own unit; an outsider sees nothing", async () => {
    const mine = await roundAs(so);
    expect(mine.status).toBe(200);
    expect(mine.subs.map((s) => s.unit_id)).toEqual([soId]);
    expect(
      (await so.request("GET", "/api/reports/rounds")).json().rounds.map((r: { id: number }) => r.id),
    ).toEqual([roundId]);
    expect((await roundAs(outsider)).status).toBe(403);
    expect((await outsider.request("GET", "/api/reports/rounds")).json().rounds).toEqual([]);
    expect((await roundAs(leader)).subs.length).toBeGreaterThan(1);
  });

  it("the body's draft is generated from its own tasks in the window, with the judgement parts marked", async () => {
    const { subs } = await roundAs(so);
    const sub = subs[0] as Sub;
    const res = await so.request("POST", "/api/reports/generate", {
      report: { kind: "submission", submissionId: sub.id },
    });
    expect(res.statusCode).toBe(200);
    const model = res.json().model as ReportModel;
    expect(model.layout).toBe(isPartyBody(soName) ? "party" : "state");
    expect(model.issuerLine).toBe(soName);
    expect(model.summary).toBe("Kết quả thực hiện Kế hoạch số 47-KH/ĐU 6 tháng đầu năm 2026");
    expect(model.recipients).toEqual(["UBND tỉnh Lai Châu"]);
    const judgements = model.body.filter((b) => b.kind === "judgement");
    expect(judgements.length).toBeGreaterThanOrEqual(5);
    expect(judgements.every((b) => b.kind === "judgement" && b.text === null)).toBe(true);
    const tasks = model.appendices[0];
    expect(tasks?.rows.length).toBeGreaterThan(0);
    // every task listed has the Sở as lead or support, and is due by 14/06/2026 or has no deadline
    const register = await leader.request(
      "GET",
      `/api/tasks?documentId=${provinceDoc}&unitId=${soId}&includeDone=true&dueTo=2026-06-14&pageSize=500`,
    );
    const noDeadline = await leader.request(
      "GET",
      `/api/tasks?documentId=${provinceDoc}&unitId=${soId}&timeliness=no_deadline&pageSize=500`,
    );
    // continuous work of 2026 (or undated), not its occurrences for 2027–2030
    const continuousNow = (noDeadline.json().rows as { period_year: number | null }[]).filter(
      (r) => r.period_year === null || r.period_year <= 2026,
    );
    expect(tasks?.rows.length).toBe(register.json().total + continuousNow.length);
    // an outsider cannot generate it, nor a body report for a unit not theirs
    const other = await outsider.request("POST", "/api/reports/generate", {
      report: { kind: "submission", submissionId: sub.id },
    });
    expect(other.statusCode).toBe(403);
    const body = { kind: "body", documentId: provinceDoc, unitId: soId, period: "six_month", year: 2026 };
    expect((await outsider.request("POST", "/api/reports/generate", { report: body })).statusCode).toBe(403);
  });

  it("drafts and submits with version checks; a submitted report cannot be submitted again", async () => {
    const sub = (await roundAs(so)).subs[0] as Sub;
    const content = { tasks: "Đã tổ chức 12 lớp bồi dưỡng giáo viên.", causes: "Thiếu kinh phí." };
    expect(
      (
        await leader.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
          version: sub.version,
          content,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await coordinator.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
          version: sub.version,
          content,
        })
      ).statusCode,
    ).toBe(403);
    const draft = await so.request("POST", `/api/reports/submissions/${sub.id}/draft`, {
      version: sub.version,
      content,
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().submission.status).toBe("draft");
    const stale = await so.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
      version: sub.version,
      content,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("CONFLICT_VERSION");
    const scan = multipartFile("bao-cao-ky.pdf", Buffer.from("%PDF-1.4\n% scan\n"));
    const up = await t.app.inject({
      method: "POST",
      url: `/api/reports/submissions/${sub.id}/scan?version=${sub.version + 1}`,
      headers: { cookie: so.cookie, "x-csrf-token": so.csrf, ...scan.headers },
      payload: scan.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const v = up.json().submission.version;
    const sent = await so.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
      version: v,
      content,
      number: 5,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json().submission).toMatchObject({
      status: "submitted",
      number: 5,
      scan_name: "bao-cao-ky.pdf",
    });
    const again = await so.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
      version: v + 1,
      content,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("REPORT_WRONG_STATE");
    const file = await leader.request("GET", `/api/reports/submissions/${sub.id}/scan`);
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith("%PDF-")).toBe(true);
    const audit = await t.db.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "report_submission")
      .where("entity_id", "=", String(sub.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["report.draft", "report.draft", "report.submit"]);
  });

  it("the coordinator returns with a reason, the body resubmits, the coordinator accepts", async () => {
    let sub = (await roundAs(coordinator)).subs.find((s) => s.unit_id === soId) as Sub;
    expect(
      (
        await coordinator.request("POST", `/api/reports/submissions/${sub.id}/return`, {
          version: sub.version,
          reason: " ",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await so.request("POST", `/api/reports/submissions/${sub.id}/return`, {
          version: sub.version,
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const ret = await coordinator.request("POST", `/api/reports/submissions/${sub.id}/return`, {
      version: sub.version,
      reason: "Thiếu số liệu chỉ tiêu",
    });
    expect(ret.json().submission).toMatchObject({ status: "returned", reason: "Thiếu số liệu chỉ tiêu" });
    expect(
      (
        await coordinator.request("POST", `/api/reports/submissions/${sub.id}/accept`, {
          version: sub.version + 1,
        })
      ).statusCode,
    ).toBe(409);
    sub = ret.json().submission;
    const re = await so.request("POST", `/api/reports/submissions/${sub.id}/submit`, {
      version: sub.version,
      content: { tasks: "Đã bổ sung số liệu." },
    });
    expect(re.statusCode).toBe(200);
    const acc = await coordinator.request("POST", `/api/reports/submissions/${sub.id}/accept`, {
      version: re.json().submission.version,
    });
    expect(acc.json().submission.status).toBe("accepted");
  });

  it("after the due date the bodies not in are late; reminders and chasing reach their officers once", async () => {
    const before = (await roundAs(coordinator)).subs;
    expect(before.some((s) => s.late)).toBe(false);
    now = new Date("2026-07-11T03:00:00Z");
    // sessions last 12 hours: sign in again on the new day
    coordinator = await signIn(t, "dieuphoi.2", "coordinator");
    leader = await signIn(t, "lanhdao.2", "leader");
    so = await signIn(t, "canbo.so.2", "officer", soId);
    binhLu = await signIn(t, "canbo.binhlu.2", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
    outsider = await signIn(t, "canbo.namcuoi.2", "officer", await unitIdByName(t.db, "Xã Nậm Cuổi"));
    const after = (await roundAs(coordinator)).subs;
    expect(after.find((s) => s.unit_id === soId)?.late).toBe(false);
    const pending = after.filter((s) => s.status === "pending");
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((s) => s.late)).toBe(true);
    const target = pending[0] as Sub;
    const officer = await signIn(t, "canbo.cham", "officer", target.unit_id);
    const first = await sendReminders(t.db.db, new Date("2026-07-11T03:00:00Z"), 7, null);
    const second = await sendReminders(t.db.db, new Date("2026-07-11T03:00:00Z"), 7, null);
    expect(first.created).toBeGreaterThan(0);
    expect(second.created).toBe(0);
    const mine = async () =>
      (await officer.request("GET", "/api/notifications")).json().notifications as {
        kind: string;
        message: string;
      }[];
    expect((await mine()).filter((n) => n.kind === "report_overdue")).toHaveLength(1);
    expect(
      (await so.request("POST", `/api/reports/submissions/${target.id}/chase`, { version: target.version }))
        .statusCode,
    ).toBe(403);
    const chase = await coordinator.request("POST", `/api/reports/submissions/${target.id}/chase`, {
      version: target.version,
    });
    expect(chase.statusCode).toBe(200);
    expect(chase.json().notified).toBe(1);
    expect((await mine()).filter((n) => n.kind === "report_chase")).toHaveLength(1);
    const accepted = (await roundAs(coordinator)).subs.find((s) => s.unit_id === soId) as Sub;
    const noChase = await coordinator.request("POST", `/api/reports/submissions/${accepted.id}/chase`, {
      version: accepted.version,
    });
    expect(noChase.json().code).toBe("REPORT_WRONG_STATE");
  });

  it("the province compiles: the accepted body's own words, the others from the data, one table of all", async () => {
    const res = await leader.request("POST", "/api/reports/generate", {
      report: { kind: "compiled", roundId },
    });
    expect(res.statusCode).toBe(200);
    const model = res.json().model as ReportModel;
    const text = model.body.map((b) => ("text" in b ? b.text : "")).join("\n");
    expect(text).toContain("Đánh giá kết quả: Đã bổ sung số liệu.");
    expect(text).toContain("Đơn vị chưa gửi báo cáo");
    const subs = (await roundAs(coordinator)).subs;
    expect(model.appendices[0]?.rows.length).toBe(subs.length);
    expect(model.issuerLine).toBe("Ủy ban nhân dân tỉnh Lai Châu");
    const docx = await leader.request("POST", "/api/reports/generate", {
      format: "docx",
      report: { kind: "compiled", roundId },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const xlsx = await leader.request("POST", "/api/reports/generate", {
      format: "xlsx",
      report: { kind: "compiled", roundId },
    });
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(
      (await outsider.request("POST", "/api/reports/generate", { report: { kind: "compiled", roundId } }))
        .statusCode,
    ).toBe(403);
  });

  it("Bình Lư's 6-month report and the province's sơ kết count what the register counts", async () => {
    const binhLuId = await unitIdByName(t.db, "Xã Bình Lư");
    const res = await binhLu.request("POST", "/api/reports/generate", {
      report: { kind: "body", documentId: binhLuDoc, unitId: binhLuId, period: "six_month", year: 2026 },
    });
    expect(res.statusCode).toBe(200);
    const model = res.json().model as ReportModel;
    expect(model.issuerLine).toBe("Ủy ban nhân dân xã Bình Lư");
    expect(model.place).toBe("Bình Lư");
    // the first half of 2026 reports continuous work of 2026, not the occurrences of 2027–2030
    const listed = JSON.stringify(model.appendices);
    expect(listed).toMatch(/năm 2026/);
    expect(listed).not.toMatch(/năm 20(27|28|29|30)/);
    const review = await leader.request("POST", "/api/reports/generate", {
      report: {
        kind: "review",
        documentId: provinceDoc,
        unitId: provinceId,
        stage: "mid",
        asOf: "2026-07-01",
      },
    });
    expect(review.statusCode).toBe(200);
    const tasks = (review.json().model as ReportModel).appendices[1];
    const overdueGroup = tasks?.rows.find((r) => String(r[0]).includes("Chưa hoàn thành, quá hạn"));
    const overdue = await leader.request(
      "GET",
      `/api/tasks?documentId=${provinceDoc}&timeliness=overdue&pageSize=500`,
    );
    expect(overdueGroup?.[0]).toContain(`(${overdue.json().total})`);
  });
});
