import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePlanDocx } from "../import/testing/fixtures.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let officer: Client;
let leader: Client;
const fixture = fs.readFileSync(path.resolve("src/import/fixtures/variants-state.txt"));

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
  leader = await signIn(t, "lanhdao", "leader");
});
afterAll(() => t.close());

function upload(c: Client | null, name: string, content: Buffer | string) {
  const m = multipartFile(name, content);
  return t.app.inject({
    method: "POST",
    url: "/api/imports/draft",
    payload: m.payload,
    headers: { ...m.headers, ...(c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {}) },
  });
}

describe("importing a plan through the API", () => {
  it("401 anonymous, 403 for officers and leaders, a draft for a coordinator — nothing saved", async () => {
    expect((await upload(null, "kh.txt", fixture)).statusCode).toBe(401);
    expect((await upload(officer, "kh.txt", fixture)).statusCode).toBe(403);
    expect((await upload(leader, "kh.txt", fixture)).statusCode).toBe(403);
    const res = await upload(coordinator, "kh.txt", fixture);
    expect(res.statusCode).toBe(200);
    const { draft, source } = res.json();
    expect(source).toMatchObject({ name: "kh.txt", format: "text" });
    expect(draft.document.number).toBe("123/KH-SGDĐT");
    expect(draft.coverage).toEqual(
      expect.arrayContaining([expect.objectContaining({ section: "taskTable", seen: expect.any(Number) })]),
    );
    expect(draft.bodies.find((b: { text: string }) => b.text === "Sở GD&ĐT").unit.id).toEqual(
      expect.any(Number),
    );
    const docs = await t.db.db.selectFrom("document").selectAll().execute();
    expect(docs).toHaveLength(0);
  });

  it("reads a DOCX upload", async () => {
    const res = await upload(coordinator, "ke-hoach.docx", await makePlanDocx());
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.tasks).toHaveLength(2);
  });

  it("explains a bad file in Vietnamese", async () => {
    const res = await upload(coordinator, "rong.txt", "");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "BAD_INPUT_FILE", message: expect.stringContaining("rỗng") });
  });

  it("saves the confirmed draft, then updates it on a second import", async () => {
    const { draft, source } = (await upload(coordinator, "kh.txt", fixture)).json();
    const body = {
      source,
      document: draft.document,
      targets: draft.targets,
      tasks: draft.tasks.map((x: Record<string, unknown> & { timeframe: { text: string } }) => ({
        ref: x.ref,
        group: x.group,
        groupTitle: x.groupTitle,
        title: x.title,
        lead: x.lead,
        support: x.support,
        timeframeText: x.timeframe.text,
        product: x.product,
        note: x.note,
        source: x.source,
      })),
      indicators: [],
      bodies: draft.bodies.map((b: { text: string; unit: { id: number } | null }) => ({
        text: b.text,
        unitId: b.unit?.id ?? null,
        create: false,
      })),
      warnings: draft.warnings,
    };
    expect((await leader.request("POST", "/api/documents", body)).statusCode).toBe(403);
    const first = await coordinator.request("POST", "/api/documents", body);
    expect(first.statusCode).toBe(201);
    expect(first.json().tasks.added).toHaveLength(7);
    body.tasks[0].title = "Tổ chức hội nghị quán triệt (đã sửa trên màn hình rà soát)";
    const second = await coordinator.request("POST", "/api/documents", body);
    expect(second.statusCode).toBe(200);
    expect(second.json().tasks.changed).toEqual(["I.1"]);

    const graph = (await leader.request("GET", "/api/documents")).json();
    const mine = graph.nodes.find((n: { number: string }) => n.number === "123/KH-SGDĐT");
    const parent = graph.nodes.find((n: { number: string }) => n.number === "2086/KH-UBND");
    expect(mine).toMatchObject({ held: true, tasks: 7, targets: 4 });
    expect(parent).toMatchObject({ held: false });
    expect(graph.edges).toContainEqual({ from: mine.id, to: parent.id, relation: "implements" });

    const detail = (await officer.request("GET", `/api/documents/${mine.id}`)).json();
    expect(detail.tasks[0].title).toBe("Tổ chức hội nghị quán triệt (đã sửa trên màn hình rà soát)");
    expect(detail.tasks[0].bodies[0]).toMatchObject({ role: "lead", unit_name: "Sở Giáo dục và Đào tạo" });
    expect(detail.references.map((x: { number: string }) => x.number)).toContain("2086/KH-UBND");
    const src = await officer.request("GET", `/api/documents/${mine.id}/source`);
    expect(src.body).toContain("Số: 123/KH-SGDĐT");
  });

  it("rejects an invalid confirmed plan with a clear message and saves nothing", async () => {
    const before = await t.db.db
      .selectFrom("document")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const res = await coordinator.request("POST", "/api/documents", {
      source: { name: "x", format: "text", text: "" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    const after = await t.db.db
      .selectFrom("document")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
