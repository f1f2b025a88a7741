import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let officer: Client;
let admin: Client;
let coordinator: Client;
let unit: number;
let period: number;

beforeAll(async () => {
  t = await createTestApp(new Date("2026-10-01T03:00:00Z"));
  unit = await unitIdByName(t.db, "Xã Bình Lư");
  officer = await signIn(t, "canbo", "officer", unit);
  admin = await signIn(t, "quantri", "admin");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  period = (
    await t.db.db.selectFrom("period").select("id").where("code", "=", "2026SY").executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

async function upload(buf: Buffer) {
  const m = multipartFile("bieu.xlsx", buf);
  return t.app.inject({
    method: "POST",
    url: `/api/forms/${unit}/${period}/upload`,
    payload: m.payload,
    headers: { ...m.headers, cookie: officer.cookie, "x-csrf-token": officer.csrf },
  });
}

describe("XLSX template for a form", () => {
  it("downloads, is filled offline, and uploads back; a bad row saves nothing", async () => {
    const res = await officer.request("GET", `/api/forms/${unit}/${period}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(3).values).toEqual([undefined, "Mã chỉ số", "Chỉ số", "Kỳ trước", "Giá trị", "Ghi chú"]);
    let filled = 0;
    ws.eachRow((r, n) => {
      const code = String(r.getCell(1).value ?? "");
      if (n > 3 && code === "so-tre-mau-giao-den-truong") r.getCell(4).value = "97";
      if (n > 3 && code === "so-tre-trong-do-tuoi-mau-giao-3-5-tuoi") r.getCell(4).value = "100,0";
      // a breakdown has its own row, named as on screen
      if (n > 3 && code === "so-tre-mau-giao-den-truong/sex.female") {
        expect(r.getCell(2).value).toBe("Số trẻ mẫu giáo đến trường — trong đó: nữ");
        r.getCell(4).value = "48";
      }
      if (n > 3) filled++;
    });
    expect(filled).toBeGreaterThan(20);

    const bad = new ExcelJS.Workbook();
    await bad.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // row 4 is the first section's heading; row 5 its first field
    (bad.worksheets[0] as ExcelJS.Worksheet).getRow(5).getCell(4).value = "ba mươi";
    const refused = await upload(Buffer.from(await bad.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain("dòng 5");
    expect(
      await t.db.db.selectFrom("data_value").selectAll().where("period_id", "=", period).execute(),
    ).toHaveLength(0);

    const ok = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(200);
    const form = (await officer.request("GET", `/api/forms/${unit}/${period}`)).json();
    const mg = form.fields.find((f: { code: string }) => f.code === "so-tre-mau-giao-den-truong");
    expect(mg.value).toBe(97);
    const girls = form.fields.find(
      (f: { code: string }) => f.code === "so-tre-mau-giao-den-truong/sex.female",
    );
    expect(girls).toMatchObject({ value: 48, category: "sex.female" });

    // the same template again: made from version 0, the form is at 1 — refused with what changed
    const stale = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("TEMPLATE_STALE");
    expect(stale.json().message).toContain("Số trẻ mẫu giáo đến trường: trống → 97");
    expect(stale.json().details.changed).toContainEqual(
      expect.objectContaining({ code: "so-tre-mau-giao-den-truong", template: null, now: 97 }),
    );

    // a fresh template with "1.234" typed as text in a count of children is read as 1234
    const fresh = await officer.request("GET", `/api/forms/${unit}/${period}/template.xlsx`);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(fresh.rawPayload as unknown as ArrayBuffer);
    (again.worksheets[0] as ExcelJS.Worksheet).eachRow((r) => {
      if (r.getCell(1).value === "so-tre-trong-do-tuoi-mau-giao-3-5-tuoi") r.getCell(4).value = "1.234";
    });
    const thousands = await upload(Buffer.from(await again.xlsx.writeBuffer()));
    expect(thousands.statusCode, thousands.body).toBe(200);
    const after = (await officer.request("GET", `/api/forms/${unit}/${period}`)).json();
    expect(
      after.fields.find((f: { code: string }) => f.code === "so-tre-trong-do-tuoi-mau-giao-3-5-tuoi").value,
    ).toBe(1234);

    // a template without its version is refused
    const bare = new ExcelJS.Workbook();
    await bare.xlsx.load(fresh.rawPayload as unknown as ArrayBuffer);
    bare.removeWorksheet((bare.getWorksheet("lotrinh") as ExcelJS.Worksheet).id);
    const noVersion = await upload(Buffer.from(await bare.xlsx.writeBuffer()));
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().message).toContain("phiên bản");
  });
});

describe("indicator catalog", () => {
  it("an administrator adds and edits an indicator; others may not; a stale edit is refused", async () => {
    const body = {
      code: "TEST-01",
      name: "Tỷ lệ học sinh được học bơi",
      unit: "%",
      type: "rate",
      level: "school",
      numerator: "Số học sinh được học bơi",
      denominator: "Số học sinh",
      breakdowns: ["sex"],
    };
    expect((await coordinator.request("POST", "/api/indicators", body)).statusCode).toBe(403);
    const created = await admin.request("POST", "/api/indicators", body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const edited = await t.app.inject({
      method: "PUT",
      url: `/api/indicators/${id}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: { ...body, name: "Tỷ lệ học sinh tiểu học được học bơi", version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.app.inject({
      method: "PUT",
      url: `/api/indicators/${id}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: { ...body, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const noParts = await admin.request("POST", "/api/indicators", {
      ...body,
      code: "TEST-02",
      numerator: undefined,
    });
    expect(noParts.statusCode).toBe(400);
    const list = (await officer.request("GET", "/api/indicators")).json().indicators;
    expect(list.find((i: { code: string }) => i.code === "TEST-01").name).toBe(
      "Tỷ lệ học sinh tiểu học được học bơi",
    );
    expect(list.filter((i: { code: string }) => i.code.startsWith("KH5272-"))).toHaveLength(28);
  });
});
