import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { makePdf } from "../import/testing/fixtures.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

const now = new Date("2026-07-01T03:00:00Z");
let t: TestApp;
let coordinator: Client;
let binhLu: Client;
let other: Client;
let leader: Client;
let binhLuDoc: number;
let provinceDoc: number;

async function importSeed(prefix: string) {
  const text = readSeed(prefix);
  const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
  return (
    await importPlanDocument(
      t.db.db,
      systemActor("Kiểm thử"),
      draftToConfirmed(draft, { name: `${prefix}.txt`, format: "text", text }),
    )
  ).documentId;
}

describe.runIf(seedsAvailable())("following tasks of the real plans (clock: 01/07/2026)", () => {
  beforeAll(async () => {
    t = await createTestApp(() => now);
    provinceDoc = await importSeed("000_");
    binhLuDoc = await importSeed("003_");
    coordinator = await signIn(t, "dieuphoi", "coordinator");
    binhLu = await signIn(t, "canbo.binhlu", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
    other = await signIn(t, "canbo.namcuoi", "officer", await unitIdByName(t.db, "Xã Nậm Cuổi"));
    leader = await signIn(t, "lanhdao", "leader");
  }, 180_000);
  afterAll(() => t.close());

  it("Việc của tôi: a Bình Lư officer sees Bình Lư's duties and no province-only task", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/my-work" })).statusCode).toBe(401);
    const res = await binhLu.request("GET", "/api/my-work");
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as { document_id: number; lead: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.document_id === binhLuDoc)).toBe(true);
    expect(new Set(rows.map((r) => r.lead))).toEqual(
      new Set([
        "Phòng Văn hóa - Xã hội xã Bình Lư",
        "Phòng Kinh tế xã Bình Lư",
        "Công an xã Bình Lư",
        "Trung tâm Dịch vụ tổng hợp xã Bình Lư",
        // its share of "Các đơn vị trường học" and "Trưởng các bản" (no schools or villages on this map)
        "Xã Bình Lư",
      ]),
    );
    const otherRows = (await other.request("GET", "/api/my-work")).json().rows;
    expect(otherRows).toEqual([]);
  });

  it("on 01/07/2026 every Q2/2026 task not done is overdue, and the rate matches a hand count", async () => {
    const res = await leader.request(
      "GET",
      `/api/tasks?documentId=${provinceDoc}&timeliness=overdue&pageSize=100`,
    );
    expect(res.statusCode).toBe(200);
    const refs = (res.json().rows as { ref: string }[]).map((r) => r.ref).sort();
    // Tháng 3/2026: I.1, I.2; Tháng 4/2026: II.2, II.4; Quý II năm 2026: II.1, III.1–3, IV.1, V.1–4
    expect(refs).toEqual([
      "I.1",
      "I.2",
      "II.1",
      "II.2",
      "II.4",
      "III.1",
      "III.2",
      "III.3",
      "IV.1",
      "V.1",
      "V.2",
      "V.3",
      "V.4",
    ]);
    const board = (await leader.request("GET", `/api/scoreboard?documentId=${provinceDoc}`)).json();
    expect(board.total).toMatchObject({ done: 0, overdue: 13, rate: 0 });
  });

  it("report with a PDF → propose completion → coordinator confirms; the scoreboard follows", async () => {
    const mine = (await binhLu.request("GET", "/api/my-work")).json().rows as {
      id: number;
      ref: string;
      version: number;
      lead: string;
    }[];
    const occ = mine.find(
      (r) => r.ref === "1.1" && r.lead.startsWith("Phòng Văn hóa"),
    ) as (typeof mine)[number];
    const before = (await coordinator.request("GET", `/api/scoreboard?documentId=${binhLuDoc}`)).json();
    const vhxh = (b: { rows: { unit_name: string; done: number }[] }) =>
      b.rows.find((x) => x.unit_name.startsWith("Phòng Văn hóa"));

    const m = multipartFile("bao-cao-tien-do.pdf", makePdf(["Bao cao tien do"]));
    const fields = `--${m.headers["content-type"].split("boundary=")[1]}`;
    const body = Buffer.concat([
      Buffer.from(`${fields}\r\nContent-Disposition: form-data; name="version"\r\n\r\n${occ.version}\r\n`),
      Buffer.from(
        `${fields}\r\nContent-Disposition: form-data; name="text"\r\n\r\nĐã tham mưu UBND xã kế hoạch triển khai.\r\n`,
      ),
      Buffer.from(`${fields}\r\nContent-Disposition: form-data; name="percent"\r\n\r\n60\r\n`),
      m.payload,
    ]);
    const post = await t.app.inject({
      method: "POST",
      url: `/api/occurrences/${occ.id}/updates`,
      payload: body,
      headers: { ...m.headers, cookie: binhLu.cookie, "x-csrf-token": binhLu.csrf },
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json().occurrence).toMatchObject({
      state: "in_progress",
      percent: 60,
      version: occ.version + 1,
    });

    const detail = (
      await binhLu.request(
        "GET",
        `/api/tasks/${(await t.db.db.selectFrom("task_occurrence").select("task_id").where("id", "=", occ.id).executeTakeFirstOrThrow()).task_id}`,
      )
    ).json();
    const att = detail.occurrences.find((o: { id: number }) => o.id === occ.id).updates[0].attachments[0];
    expect(att).toMatchObject({ original_name: "bao-cao-tien-do.pdf", mime: "application/pdf" });
    const dl = await binhLu.request("GET", `/api/attachments/${att.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await other.request("GET", `/api/attachments/${att.id}`)).statusCode).toBe(403);

    expect(
      (
        await leader.request("POST", `/api/occurrences/${occ.id}/propose`, {
          version: occ.version + 1,
          text: "x",
        })
      ).statusCode,
    ).toBe(403);
    const propose = await binhLu.request("POST", `/api/occurrences/${occ.id}/propose`, {
      version: occ.version + 1,
      text: "Đã ban hành kế hoạch của xã.",
      product: "Kế hoạch",
    });
    expect(propose.statusCode, propose.body).toBe(200);
    expect(propose.json().occurrence.state).toBe("awaiting_confirmation");

    expect(
      (await binhLu.request("POST", `/api/occurrences/${occ.id}/confirm`, { version: occ.version + 2 }))
        .statusCode,
    ).toBe(403);
    const waiting = (await coordinator.request("GET", "/api/my-work")).json();
    expect(waiting.mode).toBe("confirm");
    expect(waiting.rows.map((r: { id: number }) => r.id)).toContain(occ.id);
    const confirm = await coordinator.request("POST", `/api/occurrences/${occ.id}/confirm`, {
      version: occ.version + 2,
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().occurrence).toMatchObject({ state: "done", completed_on: "2026-07-01" });

    const after = (await coordinator.request("GET", `/api/scoreboard?documentId=${binhLuDoc}`)).json();
    expect(vhxh(after)?.done).toBe((vhxh(before)?.done ?? 0) + 1);
    const log = await t.db.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(occ.id))
      .orderBy("id")
      .execute();
    expect(log.map((l) => l.action)).toEqual([
      "occurrence.progress",
      "occurrence.propose_done",
      "occurrence.confirm",
    ]);
  });

  it("two people editing the same task: the second save is refused, nothing is lost", async () => {
    const mine = (await binhLu.request("GET", "/api/my-work")).json().rows as {
      id: number;
      version: number;
      ref: string;
    }[];
    const occ = mine.find((r) => r.ref === "1.2") as (typeof mine)[number];
    const colleague = await signIn(t, "canbo.binhlu2", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
    const first = await binhLu.request("POST", `/api/occurrences/${occ.id}/updates`, {
      version: occ.version,
      text: "Bản của người thứ nhất",
      percent: 30,
    });
    expect(first.statusCode).toBe(201);
    const second = await colleague.request("POST", `/api/occurrences/${occ.id}/updates`, {
      version: occ.version,
      text: "Bản của người thứ hai",
      percent: 50,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain("người khác sửa");
    const row = await t.db.db
      .selectFrom("task_occurrence")
      .selectAll()
      .where("id", "=", occ.id)
      .executeTakeFirstOrThrow();
    expect(row.percent).toBe(30);
  });

  it("extensions keep the original deadline and the reason; only coordinators extend", async () => {
    const rows = (
      await coordinator.request(
        "GET",
        `/api/tasks?documentId=${provinceDoc}&q=ke hoach dau tu co so vat chat`,
      )
    ).json().rows;
    const occ = rows[0];
    expect(occ.ref).toBe("III.1");
    expect(
      (
        await binhLu.request("POST", `/api/occurrences/${occ.id}/extend`, {
          version: occ.version,
          due: "2026-09-30",
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await coordinator.request("POST", `/api/occurrences/${occ.id}/extend`, {
      version: occ.version,
      due: "2026-09-30",
      reason: "",
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await coordinator.request("POST", `/api/occurrences/${occ.id}/extend`, {
      version: occ.version,
      due: "2026-09-30",
      reason: "Chờ số liệu rà soát của các xã",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().occurrence).toMatchObject({ due_on: "2026-09-30", original_due_on: "2026-06-30" });
    const again = (
      await coordinator.request("GET", `/api/tasks?documentId=${provinceDoc}&timeliness=overdue&pageSize=100`)
    ).json();
    expect(again.rows.map((r: { ref: string }) => r.ref)).not.toContain("III.1");
  });

  it("chasing a late body notifies its officers", async () => {
    const all = (await coordinator.request("GET", `/api/tasks?documentId=${binhLuDoc}&pageSize=100`)).json()
      .rows as {
      id: number;
      lead: string;
    }[];
    const police = all.find((r) => r.lead.startsWith("Công an")) as { id: number };
    expect(
      (await leader.request("POST", `/api/occurrences/${police.id}/chase`, { message: "x" })).statusCode,
    ).toBe(403);
    const chase = await coordinator.request("POST", `/api/occurrences/${police.id}/chase`, {
      message: "Đề nghị báo cáo trước 10/7.",
    });
    expect(chase.statusCode).toBe(200);
    expect(chase.json().notified).toBeGreaterThan(0);
    const notes = (await binhLu.request("GET", "/api/notifications")).json();
    expect(notes.notifications[0].message).toContain("Đề nghị báo cáo trước 10/7.");
    expect(notes.unread).toBeGreaterThan(0);
  });

  it("coordinators see items waiting on an outside document, to date them", async () => {
    const res = (await coordinator.request("GET", "/api/my-work")).json();
    const refs = (res.pending as { ref: string; document_id: number }[])
      .filter((r) => r.document_id === provinceDoc)
      .map((r) => r.ref);
    expect(refs.sort()).toEqual(["III.4", "IV.2"]);
  });

  it("returning a reported completion, pausing, reassigning: coordinators only, each with a reason", async () => {
    const rows = (await binhLu.request("GET", "/api/my-work")).json().rows as {
      id: number;
      ref: string;
      version: number;
      task_id: number;
    }[];
    const occ = rows.find((r) => r.ref === "2.1") as (typeof rows)[number];
    const proposed = await binhLu.request("POST", `/api/occurrences/${occ.id}/propose`, {
      version: occ.version,
      text: "Xong.",
    });
    expect(proposed.statusCode).toBe(200);
    expect(
      (
        await binhLu.request("POST", `/api/occurrences/${occ.id}/return`, {
          version: occ.version + 1,
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const back = await coordinator.request("POST", `/api/occurrences/${occ.id}/return`, {
      version: occ.version + 1,
      reason: "Thiếu biên bản.",
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().occurrence).toMatchObject({ state: "in_progress", completed_on: null });

    expect(
      (
        await leader.request("POST", `/api/occurrences/${occ.id}/pause`, {
          version: occ.version + 2,
          paused: true,
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const paused = await coordinator.request("POST", `/api/occurrences/${occ.id}/pause`, {
      version: occ.version + 2,
      paused: true,
      reason: "Chờ sắp xếp tổ chức.",
    });
    expect(paused.json().occurrence.state).toBe("paused");

    const task = (await coordinator.request("GET", `/api/tasks/${occ.task_id}`)).json().task;
    const kinhTe = await unitIdByName(t.db, "Phòng Kinh tế xã Bình Lư");
    const vhxh = await unitIdByName(t.db, "Phòng Văn hóa - Xã hội xã Bình Lư");
    expect(
      (
        await binhLu.request("PATCH", `/api/tasks/${occ.task_id}/lead`, {
          version: task.version,
          unitIds: [vhxh],
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const moved = await coordinator.request("PATCH", `/api/tasks/${occ.task_id}/lead`, {
      version: task.version,
      unitIds: [vhxh, kinhTe],
      reason: "Giao thêm Phòng Văn hóa - Xã hội.",
    });
    expect(moved.statusCode).toBe(200);
    const stale = await coordinator.request("PATCH", `/api/tasks/${occ.task_id}/lead`, {
      version: task.version,
      unitIds: [vhxh],
      reason: "cũ",
    });
    expect(stale.statusCode).toBe(409);
    const detail = (await binhLu.request("GET", `/api/tasks/${occ.task_id}`)).json();
    expect(
      detail.bodies
        .filter((b: { role: string }) => b.role === "lead")
        .map((b: { unit_name: string }) => b.unit_name),
    ).toEqual(["Phòng Văn hóa - Xã hội xã Bình Lư", "Phòng Kinh tế xã Bình Lư"]);
  });

  it("an officer of another commune cannot open Bình Lư's task or its files", async () => {
    const rows = (await binhLu.request("GET", "/api/my-work")).json().rows as { task_id: number }[];
    const res = await other.request("GET", `/api/tasks/${rows[0]?.task_id}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain("không thuộc đơn vị của bạn");
  });

  it("exports the register as XLSX in the appendix layout and as CSV", async () => {
    const x = await leader.request(
      "GET",
      `/api/tasks/export?documentId=${provinceDoc}&format=xlsx&includeDone=true`,
    );
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(2).values).toEqual([
      undefined,
      "TT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian",
      "Tình trạng",
      "Kết quả",
    ]);
    const csv = await leader.request("GET", `/api/tasks/export?documentId=${provinceDoc}&format=csv`);
    expect(csv.body.split("\r\n")[0]).toBe(
      "\uFEFFTT,Nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian,Tình trạng,Kết quả",
    );
    expect(csv.body).toContain("Quá hạn");
  });
});

describe("task routes refuse the anonymous", () => {
  let anon: TestApp;
  beforeAll(async () => {
    anon = await createTestApp();
  });
  afterAll(() => anon.close());
  it.each([
    ["GET", "/api/tasks"],
    ["GET", "/api/scoreboard"],
    ["GET", "/api/tasks/1"],
    ["POST", "/api/occurrences/1/confirm"],
    ["GET", "/api/notifications"],
    ["GET", "/api/my-work"],
    ["GET", "/api/tasks/export"],
    ["PATCH", "/api/tasks/1/lead"],
    ["POST", "/api/occurrences/1/updates"],
  ])("%s %s → 401", async (method, url) => {
    const res = await anon.app.inject({
      method: method as "GET",
      url,
      payload: method === "POST" ? {} : undefined,
    });
    expect(res.statusCode).toBe(401);
  });
});
