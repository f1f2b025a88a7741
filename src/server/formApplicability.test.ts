import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { REFORM_DATE } from "../domain/orgUnits.ts";
import { getDataForm } from "../usecases/getDataForm.ts";
import { getTargetsOverview } from "../usecases/getTargetsOverview.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

/**
 * A form asks a unit only for what applies to its kind and the levels it teaches; every way in (form
 * save, XLSX upload, dataValueSets) refuses a value for an element that does not apply, row by row,
 * with ELEMENT_NOT_APPLICABLE — one rule, in usecases/shared/writeFigures.ts.
 */
let t: TestApp;
let commune: number;
let thcs: number;
let preschool: number;
let period: number;
let periodCode: string;
let schoolOfficer: Client;
let communeOfficer: Client;
let admin: Client;

const elementId = async (name: string) =>
  (await t.db.db.selectFrom("data_element").select("id").where("name", "=", name).executeTakeFirstOrThrow())
    .id;
const elementCodeOf = async (name: string) =>
  (await t.db.db.selectFrom("data_element").select("code").where("name", "=", name).executeTakeFirstOrThrow())
    .code;
const valueCount = async (unitId: number) =>
  (await t.db.db.selectFrom("data_value").select("id").where("org_unit_id", "=", unitId).execute()).length;

async function school(name: string, levels: string[] | null = null) {
  const id = await insertUnit(t.db.db, {
    code: null,
    kind: "school",
    name,
    fullName: name,
    validFrom: REFORM_DATE,
    isSample: false,
  });
  await insertParentLink(t.db.db, id, commune, REFORM_DATE, null);
  if (levels)
    await t.db.db
      .updateTable("org_unit")
      .set({ education_levels: JSON.stringify(levels) })
      .where("id", "=", id)
      .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp(new Date("2026-10-01T03:00:00Z"));
  commune = await unitIdByName(t.db, "Xã Bình Lư");
  thcs = await school("Trường THCS Bình Lư");
  preschool = await school("Trường Mầm non Bình Lư");
  const p = await t.db.db
    .selectFrom("period")
    .selectAll()
    .where("code", "=", "2026SY")
    .executeTakeFirstOrThrow();
  period = p.id;
  periodCode = p.code;
  schoolOfficer = await signIn(t, "truongthcs", "officer", thcs);
  communeOfficer = await signIn(t, "canbo", "officer", commune);
  admin = await signIn(t, "quantri", "admin");
});
afterAll(() => t.close());

const names = (form: Awaited<ReturnType<typeof getDataForm>>) => form.fields.map((f) => f.name);

describe("what a form asks", () => {
  it("a lower-secondary school is asked for lower-secondary figures only, in its sections", async () => {
    const form = await getDataForm(t.db.db, thcs, period);
    expect(names(form)).toContain("Số giáo viên THCS đạt chuẩn");
    expect(names(form)).toContain("Số bộ thiết bị tối thiểu hiện có (THCS)");
    expect(names(form)).toContain("Số trường trung học");
    expect(names(form).filter((n) => /mầm non|THPT|tiểu học/i.test(n))).toEqual([]);
    expect(form.sections).toEqual(["lower_secondary", "secondary"]);
    expect(form.educationLevels).toEqual(["lower_secondary"]);
    // fields come grouped: every field of a section before the next section starts
    const order = form.fields.map((f) => form.sections.indexOf(f.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("a preschool is asked for preschool figures, not lower-secondary ones", async () => {
    const form = await getDataForm(t.db.db, preschool, period);
    expect(names(form)).toContain("Số giáo viên mầm non");
    expect(names(form).filter((n) => /THCS|THPT|trung học|tiểu học/i.test(n))).toEqual([]);
  });

  it("a commune is asked for every level, preschool and upper secondary included", async () => {
    const form = await getDataForm(t.db.db, commune, period);
    expect(names(form)).toContain("Số trẻ mẫu giáo đến trường");
    expect(names(form)).toContain("Số người trong độ tuổi THPT");
    expect(names(form)).toContain("Số trẻ trong độ tuổi nhà trẻ");
    expect(form.sections).toEqual(["general", "preschool", "primary", "lower_secondary", "upper_secondary"]);
    // school figures are the schools' own
    expect(names(form)).not.toContain("Số giáo viên THCS");
  });

  it("a school's stated levels win over its name; the catalog's levels are the administrator's to change", async () => {
    const both = await school("Trường PTDTBT Bình Lư", ["primary", "lower_secondary"]);
    const form = await getDataForm(t.db.db, both, period);
    expect(names(form)).toContain("Số giáo viên tiểu học");
    expect(names(form)).toContain("Số giáo viên THCS");
    expect(names(form)).not.toContain("Số giáo viên mầm non");

    const list = (await admin.request("GET", "/api/indicators")).json().indicators as {
      id: number;
      code: string;
      version: number;
      education_levels: string[];
      [k: string]: unknown;
    }[];
    const kh15 = list.find((i) => i.code === "KH5272-15");
    expect(kh15?.education_levels).toEqual(["lower_secondary"]);
    const saved = await admin.request("PUT", `/api/indicators/${kh15?.id}`, {
      code: "KH5272-15",
      name: kh15?.name,
      unit: "%",
      type: "rate",
      level: "school",
      numerator: "Số giáo viên THCS đạt chuẩn",
      denominator: "Số giáo viên THCS",
      educationLevels: ["preschool", "lower_secondary"],
      version: kh15?.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(names(await getDataForm(t.db.db, preschool, period))).toContain("Số giáo viên THCS");
    // and back, so the other tests see the catalog's default
    await admin.request("PUT", `/api/indicators/${kh15?.id}`, {
      code: "KH5272-15",
      name: kh15?.name,
      unit: "%",
      type: "rate",
      level: "school",
      numerator: "Số giáo viên THCS đạt chuẩn",
      denominator: "Số giáo viên THCS",
      educationLevels: ["lower_secondary"],
      version: (kh15?.version ?? 0) + 1,
    });
    expect(names(await getDataForm(t.db.db, preschool, period))).not.toContain("Số giáo viên THCS");
  });
});

describe("every way in refuses what does not apply", () => {
  it("the form save: a preschool figure from a lower-secondary school is refused, its own figure saved", async () => {
    const refused = await schoolOfficer.request("PUT", `/api/forms/${thcs}/${period}`, {
      version: 0,
      values: [
        { elementId: await elementId("Số giáo viên THCS"), value: 30, comment: null },
        { elementId: await elementId("Số giáo viên mầm non"), value: 12, comment: null },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("ELEMENT_NOT_APPLICABLE");
    expect(refused.json().message).toContain("«Số giáo viên mầm non» không áp dụng cho Trường THCS Bình Lư");
    const rows = refused.json().details.rows as { code?: string; field: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code).toBe("ELEMENT_NOT_APPLICABLE");
    expect(await valueCount(thcs)).toBe(0);

    const ok = await schoolOfficer.request("PUT", `/api/forms/${thcs}/${period}`, {
      version: 0,
      values: [{ elementId: await elementId("Số giáo viên THCS"), value: 30, comment: null }],
    });
    expect(ok.statusCode).toBe(200);
    expect(await valueCount(thcs)).toBe(1);
  });

  it("the form save: a school's figure from a commune is refused as entered by schools", async () => {
    const refused = await communeOfficer.request("PUT", `/api/forms/${commune}/${period}`, {
      version: 0,
      values: [{ elementId: await elementId("Số giáo viên THCS"), value: 30, comment: null }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("ELEMENT_NOT_APPLICABLE");
    expect(refused.json().message).toContain("do trường học nhập");
  });

  it("dataValueSets: the row for an element that does not apply is refused with its row number", async () => {
    const row = async (name: string, value: string) => ({
      dataElement: await elementCodeOf(name),
      period: periodCode,
      orgUnit: `LT${preschool}`,
      value,
    });
    const refused = await admin.request("POST", "/api/datavaluesets", {
      dataValues: [await row("Số giáo viên mầm non", "14"), await row("Số giáo viên THPT", "3")],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("ELEMENT_NOT_APPLICABLE");
    expect(refused.json().message).toContain(
      "dòng 2: «Số giáo viên THPT» không áp dụng cho Trường Mầm non Bình Lư",
    );
    expect(refused.json().message).not.toContain("dòng 1");
    expect(await valueCount(preschool)).toBe(0);
    const ok = await admin.request("POST", "/api/datavaluesets", {
      dataValues: [await row("Số giáo viên mầm non", "14")],
    });
    expect(ok.statusCode).toBe(200);
    expect(await valueCount(preschool)).toBe(1);
  });

  it("the XLSX template holds only the school's fields, and an added foreign row is refused by its line", async () => {
    const res = await schoolOfficer.request("GET", `/api/forms/${thcs}/${period}/template.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const cells: string[] = [];
    ws.eachRow((r) => cells.push(String(r.getCell(2).value ?? "")));
    expect(cells).toContain("Số giáo viên THCS");
    expect(cells).toContain("Trung học cơ sở");
    expect(cells.filter((c) => /mầm non|THPT/i.test(c))).toEqual([]);
    // a value typed on a section heading belongs to no field: refused, not lost
    const heading = cells.indexOf("Trung học cơ sở") + 1;
    ws.getRow(heading).getCell(4).value = 7;
    const onHeading = multipartFile("bieu.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const lost = await t.app.inject({
      method: "POST",
      url: `/api/forms/${thcs}/${period}/upload`,
      payload: onHeading.payload,
      headers: { ...onHeading.headers, cookie: schoolOfficer.cookie, "x-csrf-token": schoolOfficer.csrf },
    });
    expect(lost.statusCode).toBe(400);
    expect(lost.json().message).toContain(`dòng ${heading}: có giá trị nhưng không có mã chỉ số`);
    ws.getRow(heading).getCell(4).value = null;
    const line = ws.rowCount + 1;
    ws.getRow(line).values = [await elementCodeOf("Số giáo viên THPT"), "Số giáo viên THPT", null, 5, ""];
    const m = multipartFile("bieu.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/forms/${thcs}/${period}/upload`,
      payload: m.payload,
      headers: { ...m.headers, cookie: schoolOfficer.cookie, "x-csrf-token": schoolOfficer.csrf },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("ELEMENT_NOT_APPLICABLE");
    expect(refused.json().message).toContain(`dòng ${line}: «Số giáo viên THPT» không áp dụng`);
  });

  it("a school target's coverage counts only the schools asked for its figures", async () => {
    const kh13 = await t.db.db
      .selectFrom("indicator")
      .select(["id", "level"])
      .where("code", "=", "KH5272-13")
      .executeTakeFirstOrThrow();
    expect(kh13.level).toBe("school");
    await t.db.db
      .insertInto("indicator_target")
      .values({
        indicator_id: kh13.id,
        org_unit_id: commune,
        comparator: ">=",
        value: 97,
        due_year: 2027,
        label: "Giáo viên mầm non đạt chuẩn (kiểm thử)",
      })
      .execute();
    const imported = await admin.request("POST", "/api/datavaluesets", {
      dataValues: [
        {
          dataElement: await elementCodeOf("Số giáo viên mầm non đạt chuẩn"),
          period: periodCode,
          orgUnit: `LT${preschool}`,
          value: "13",
        },
        {
          dataElement: await elementCodeOf("Số giáo viên mầm non"),
          period: periodCode,
          orgUnit: `LT${preschool}`,
          value: "14",
        },
      ],
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const targets = await getTargetsOverview(t.db.db, "2026-10-01", commune);
    const mine = targets.find((x) => x.label === "Giáo viên mầm non đạt chuẩn (kiểm thử)");
    // under Bình Lư: the preschool (reported), the lower-secondary and the primary+lower-secondary
    // schools — neither of which is ever asked for preschool teachers
    expect(mine?.coverage).toEqual({ reported: 1, total: 1 });
  });
});
