/**
 * Push and pull against an in-process DHIS2 stand-in (never the network): the values pushed are the
 * values exported, identifiers and periods in DHIS2's terms; pulled back into an emptied form they
 * reproduce the same figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { openTestDb } from "../../db/testing.ts";
import type { Actor } from "../../domain/roles.ts";
import { importDataValueSets } from "../dataValueSets.ts";
import { pullFromDhis2, pushToDhis2 } from "./exchangeWithDhis2.ts";
import { exportDataValues } from "./exportDataValues.ts";
import { importDhis2Metadata } from "./importDhis2Metadata.ts";
import { type Dhis2StandIn, startDhis2StandIn } from "./testing/dhis2StandIn.ts";
import { lotrinhAsDhis2, uidOf } from "./testing/lotrinhAsDhis2.ts";

const admin: Actor = { id: null, name: "Quản trị thử", role: "admin", orgUnitId: null };
let t: Db;
let server: Dhis2StandIn;
let binhLu: number;
let rate: { num: string; den: string };

beforeAll(async () => {
  t = await openTestDb();
  const metadata = await lotrinhAsDhis2(t.db);
  server = await startDhis2StandIn({ metadata, username: "admin", password: "district" });
  const loaded = await importDhis2Metadata(t.db, admin, { name: "bo", url: server.url, metadata });
  // every element and unit by code (units without a code by name), the combos by name or by rule
  expect(loaded.unmatched.filter((u) => u.kind !== "categoryOptionCombo")).toEqual([]);
  binhLu = (
    await t.db
      .selectFrom("org_unit")
      .select("id")
      .where("full_name", "=", "Xã Bình Lư")
      .where("valid_to", "is", null)
      .executeTakeFirstOrThrow()
  ).id;
  const ind = await t.db
    .selectFrom("indicator as i")
    .innerJoin("data_element as n", "n.id", "i.numerator_id")
    .innerJoin("data_element as d", "d.id", "i.denominator_id")
    .select(["n.code as num", "d.code as den"])
    .where("i.code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  rate = ind;
  // Bình Lư's figures, sent the DHIS2 way by code, for a school year, a calendar year and a semester
  const values = [
    ["2025Sep", rate.num, "", "45"],
    ["2025Sep", rate.den, "", "50"],
    ["2025Sep", rate.num, "sex.female", "20"],
    ["2025", rate.den, "", "60"],
    ["2025SYS1", rate.den, "", "49"],
  ].map(([period, de, coc, value]) => ({
    dataElement: de,
    period,
    orgUnit: uidOf("U", binhLu),
    ...(coc ? { categoryOptionCombo: coc } : {}),
    value,
  }));
  const sent = await importDataValueSets(
    t.db,
    admin,
    { dataValues: values },
    { dataElementIdScheme: "CODE" },
  );
  expect(sent.importCount).toMatchObject({ imported: 5, ignored: 0 });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const conn = () => ({ url: server.url, username: "admin", password: "district" });

describe("pull and push with a DHIS2 server", () => {
  it("push: the exported values land in DHIS2 as they are, in batches, semesters left out and said", async () => {
    const progress: string[] = [];
    const r = await pushToDhis2(t.db, conn(), {
      periods: ["2025Sep", "2025", "2025SYS1"],
      orgUnits: [uidOf("U", binhLu)],
      batchSize: 2,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(r.sent).toBe(4);
    expect(r.leftOut).toEqual({ count: 1, reasons: { "kỳ 2025SYS1 không có trong DHIS2": 1 } });
    expect(progress).toEqual(["2/4", "4/4"]);
    expect(r.summary).toMatchObject({
      status: "SUCCESS",
      importCount: { imported: 4, updated: 0, ignored: 0 },
    });
    const posts = server.requests.filter((q) => q.method === "POST");
    expect(posts.map((q) => q.count)).toEqual([2, 2]);
    const held = [...server.values.values()].map((v) => [
      v.period,
      v.dataElement,
      v.categoryOptionCombo ?? "",
      v.value,
    ]);
    const exported = await exportDataValues(t.db, {
      periods: ["2025Sep", "2025"],
      orgUnits: [uidOf("U", binhLu)],
      instance: "bo",
      idSchemes: { dataElement: "UID", orgUnit: "UID", categoryOptionCombo: "UID" },
    });
    expect(held.sort()).toEqual(
      exported.dataValues.map((v) => [v.period, v.dataElement, v.categoryOptionCombo ?? "", v.value]).sort(),
    );
    expect(held.some(([period]) => period === "2025Sep")).toBe(true);
    expect(held.some(([, , coc]) => coc === uidOf("C", 1))).toBe(true);
  });

  it("pull: DHIS2's values come back into an emptied Lộ Trình and give the same figures", async () => {
    const before = await exportDataValues(t.db, {
      periods: ["2025Sep", "2025"],
      instance: "bo",
      orgUnits: [uidOf("U", binhLu)],
      idSchemes: { dataElement: "CODE", orgUnit: "UID", categoryOptionCombo: "NAME" },
    });
    await t.db.deleteFrom("data_value").where("org_unit_id", "=", binhLu).execute();
    const r = await pullFromDhis2(t.db, admin, conn(), { periods: ["2025Sep", "2025"], batchSize: 10 });
    expect(r.summary?.importCount).toMatchObject({ imported: 4, ignored: 0 });
    const after = await exportDataValues(t.db, {
      periods: ["2025Sep", "2025"],
      instance: "bo",
      orgUnits: [uidOf("U", binhLu)],
      idSchemes: { dataElement: "CODE", orgUnit: "UID", categoryOptionCombo: "NAME" },
    });
    const shape = (s: typeof before) =>
      s.dataValues
        .map((v) => `${v.period} ${v.dataElement} ${v.categoryOptionCombo ?? ""} ${v.value}`)
        .sort();
    expect(shape(after)).toEqual(shape(before));
    expect(shape(after)).toContain(`2025Sep ${rate.num} Female 20`);
    // every org unit mapped was asked for, a batch at a time
    const gets = server.requests.filter((q) => q.method === "GET" && q.path === "/api/dataValueSets");
    expect(gets.length).toBe(Math.ceil(r.orgUnits / 10));
  });

  it("a wrong password is refused by DHIS2 with a clear message", async () => {
    await expect(
      pushToDhis2(t.db, { ...conn(), password: "sai" }, { periods: ["2025"] }),
    ).rejects.toMatchObject({
      code: "DHIS2_REFUSED",
    });
  });
});
