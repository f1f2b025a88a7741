import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/** Every way in runs the same checks and respects locks (issue 9 §6, issue 14 §7). */
let t: TestApp;
let coordinator: Client;
let officer: Client;
let ids: { unit: number; period: number; periodCode: string; num: number; den: number; code: string };
let codes: { num: string; den: string; yesNo: string; unitCode: string };

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  const unit = await unitIdByName(t.db, "Xã Bình Lư");
  officer = await signIn(t, "canbo.binhlu", "officer", unit);
  const db = t.db.db;
  const mg = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-03")
    .executeTakeFirstOrThrow();
  const yesNo = await db
    .selectFrom("indicator as i")
    .innerJoin("data_element as e", "e.id", "i.element_id")
    .select("e.code")
    .where("i.type", "=", "units_meeting")
    .where("i.level", "=", "commune")
    .executeTakeFirstOrThrow();
  const el = async (id: number | null) =>
    (
      await db
        .selectFrom("data_element")
        .select("code")
        .where("id", "=", id as number)
        .executeTakeFirstOrThrow()
    ).code;
  const period = await db
    .selectFrom("period")
    .select(["id", "code"])
    .where("code", "=", "2025SY")
    .executeTakeFirstOrThrow();
  const u = await db.selectFrom("org_unit").select("code").where("id", "=", unit).executeTakeFirstOrThrow();
  ids = {
    unit,
    period: period.id,
    periodCode: period.code,
    num: mg.numerator_id as number,
    den: mg.denominator_id as number,
    code: mg.code,
  };
  codes = {
    num: await el(mg.numerator_id),
    den: await el(mg.denominator_id),
    yesNo: yesNo.code,
    unitCode: u.code as string,
  };
});
afterAll(() => t.close());

const importRows = (rows: { dataElement: string; value: string | number }[]) =>
  // all or nothing, as DHIS2 does it when asked (atomicMode=ALL)
  coordinator.request("POST", "/api/datavaluesets?atomicMode=ALL", {
    dataValues: rows.map((r) => ({ ...r, period: ids.periodCode, orgUnit: codes.unitCode })),
  });

const valuesNow = async () =>
  (
    await t.db.db
      .selectFrom("data_value")
      .select(["element_id", "value", "draft"])
      .where("org_unit_id", "=", ids.unit)
      .where("period_id", "=", ids.period)
      .where("category", "=", "")
      .execute()
  ).map((v) => ({ ...v, value: Number(v.value) }));

describe("one writer for every way in", () => {
  it("a dataValueSets import runs the form's checks: numerator over denominator, fractions, yes/no, bounds", async () => {
    const over = await importRows([
      { dataElement: codes.num, value: "500" },
      { dataElement: codes.den, value: "100" },
    ]);
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toContain("tử số (500) lớn hơn mẫu số (100)");
    const fraction = await importRows([{ dataElement: codes.den, value: "150,5" }]);
    expect(fraction.statusCode).toBe(409);
    expect(fraction.json().message).toMatch(/dòng 1: .*số nguyên/);
    const yesNo = await importRows([{ dataElement: codes.yesNo, value: "5" }]);
    expect(yesNo.statusCode).toBe(409);
    expect(yesNo.json().message).toContain("chỉ nhận 1 (đạt) hoặc 0");
    const huge = await importRows([{ dataElement: codes.den, value: 1e308 }]);
    expect(huge.statusCode).toBe(409);
    expect(huge.json().message).toContain("ngoài khoảng hợp lý");
    const english = await importRows([{ dataElement: codes.den, value: "1,234,567" }]);
    expect(english.statusCode).toBe(409);
    expect(await valuesNow()).toEqual([]);
    // the limit itself is accepted, and text is read the Vietnamese way
    const ok = await importRows([
      { dataElement: codes.num, value: "1.000" },
      { dataElement: codes.den, value: "1.000.000" },
      { dataElement: codes.yesNo, value: "1" },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await valuesNow()).map((v) => v.value).sort((a, b) => a - b)).toEqual([1, 1000, 1_000_000]);
  });

  it("each imported value is audited before → after", async () => {
    const res = await importRows([{ dataElement: codes.num, value: "900" }]);
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.db.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "figures.import")
      .where("entity_id", "=", `${ids.unit}/${ids.periodCode}`)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ [codes.num]: 1000 });
    expect(audit.after).toEqual({ [codes.num]: 900 });
  });

  it("an approved form is locked against imports too; drafts stay out of official totals", async () => {
    const form = (await officer.request("GET", `/api/forms/${ids.unit}/${ids.period}`)).json();
    const filled = form.fields.map((f: { elementId: number; category: string; value: number | null }) => ({
      elementId: f.elementId,
      category: f.category,
      value:
        f.elementId === ids.num && !f.category
          ? 9
          : f.elementId === ids.den && !f.category
            ? 10
            : f.category
              ? 0
              : 1,
      comment: null,
    }));
    const draft = await officer.request("PUT", `/api/forms/${ids.unit}/${ids.period}`, {
      version: form.status.version,
      values: filled,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await valuesNow()).every((v) => v.draft)).toBe(true);
    const province = (
      await t.db.db
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "=", "province")
        .executeTakeFirstOrThrow()
    ).id;
    const total = async () =>
      (
        await coordinator.request(
          "GET",
          `/api/indicators/${(await t.db.db.selectFrom("indicator").select("id").where("code", "=", ids.code).executeTakeFirstOrThrow()).id}/values?unitId=${province}&periodIds=${ids.period}`,
        )
      ).json().points[0]?.numerator ?? null;
    expect(await total()).toBeNull();

    const sent = await officer.request("PUT", `/api/forms/${ids.unit}/${ids.period}`, {
      version: draft.json().version,
      values: [],
      submit: true,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect((await valuesNow()).some((v) => v.draft)).toBe(false);
    expect(await total()).toBe(9);
    // coordinators are told a form was sent
    const coord = await t.db.db
      .selectFrom("notification")
      .select("message")
      .where("kind", "=", "figures.submitted")
      .execute();
    expect(coord.length).toBeGreaterThan(0);

    const approved = await coordinator.request("POST", `/api/forms/${ids.unit}/${ids.period}/review`, {
      version: sent.json().version,
      decision: "approve",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const locked = await importRows([{ dataElement: codes.num, value: "7" }]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().response.conflicts[0].errorCode).toBe("E7642");
    expect(locked.json().message).toContain("đã được duyệt và khóa");
    expect((await valuesNow()).find((v) => v.element_id === ids.num)?.value).toBe(9);
    const unit = await t.db.db
      .selectFrom("notification as n")
      .innerJoin("app_user as u", "u.id", "n.user_id")
      .select(["n.message", "u.username"])
      .where("n.kind", "=", "figures.approved")
      .execute();
    expect(unit.map((n) => n.username)).toContain("canbo.binhlu");
  });

  it("returning a form needs a reason, takes its figures out of official totals and tells the unit", async () => {
    const admin = await signIn(t, "quantri", "admin");
    const form = (await officer.request("GET", `/api/forms/${ids.unit}/${ids.period}`)).json();
    const noReason = await admin.request("POST", `/api/forms/${ids.unit}/${ids.period}/review`, {
      version: form.status.version,
      decision: "reopen",
    });
    expect(noReason.statusCode).toBe(400);
    const reopened = await admin.request("POST", `/api/forms/${ids.unit}/${ids.period}/review`, {
      version: form.status.version,
      decision: "reopen",
      reason: "Sai số trẻ",
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await valuesNow()).every((v) => v.draft)).toBe(true);
    const note = await t.db.db
      .selectFrom("notification")
      .select("message")
      .where("kind", "=", "figures.reopened")
      .executeTakeFirstOrThrow();
    expect(note.message).toContain("Sai số trẻ");
    // a returned form takes imports again, as drafts
    const imported = await importRows([{ dataElement: codes.num, value: "8" }]);
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await valuesNow()).find((v) => v.element_id === ids.num)).toMatchObject({
      value: 8,
      draft: true,
    });
  });
});
