import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgUnitKind } from "../../domain/orgUnits.ts";
import { todayIso } from "../../domain/status.ts";
import { loadSampleSchools } from "../../usecases/loadSampleSchools.ts";
import type { Db } from "../database.ts";
import { openTestDb } from "../testing.ts";
import { bulkUpsertValues, type FigureWrite, writeFigureRows } from "./figureQueries.ts";
import { type CoverageAsk, coverageMany, coverageManyLive } from "./figureTotals.ts";
import { insertLineage } from "./orgUnitRepository.ts";
import { readRollupState, rebuildRollups, rollupServes } from "./rollupRepository.ts";

/**
 * The coverage counts kept on write (migration 0018) against the live walk, which reads the map and
 * every school's levels as they are: equal after every kind of write, and after changes of the map,
 * of a school's levels and of an element's levels.
 */
let t: Db;
const today = todayIso(new Date());
const COMMUNE_KINDS: OrgUnitKind[] = ["commune", "ward", "township"];
let province: number;
let elements: number[];
let periods: number[];
let schools: number[];
let communes: number[];

let seed = 7;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)] as T;

function randomAsks(n: number): CoverageAsk[] {
  return Array.from({ length: n }, () => {
    const school = rand() < 0.6;
    return {
      rootId: pick([province, province, ...communes, ...(school ? schools.slice(0, 10) : [])]),
      kinds: school ? ["school"] : COMMUNE_KINDS,
      elementId: pick(elements),
      periodId: pick(periods),
    };
  });
}

/** The kept counts serve `today` and give exactly what the live walk gives. */
async function expectKeptEqualsLive(asks: CoverageAsk[]) {
  expect(rollupServes(await readRollupState(t.db), today)).toBe(true);
  const kept = await coverageMany(t.db, today, asks);
  const live = await coverageManyLive(t.db, today, asks);
  expect(kept).toEqual(live);
  return kept;
}

async function setElementLevels(id: number, levels: string[]) {
  await t.db
    .updateTable("data_element")
    .set({ education_levels: JSON.stringify(levels) })
    .where("id", "=", id)
    .execute();
}

beforeAll(async () => {
  t = await openTestDb();
  const db = t.db;
  await loadSampleSchools(db);
  province = (
    await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  elements = (await db.selectFrom("data_element").select("id").orderBy("id").limit(4).execute()).map(
    (r) => r.id,
  );
  // one element about every level, one about preschool, one about the secondary levels, one undecided
  await setElementLevels(elements[0] as number, []);
  await setElementLevels(elements[1] as number, ["preschool"]);
  await setElementLevels(elements[2] as number, ["lower_secondary", "upper_secondary"]);
  await db
    .updateTable("data_element")
    .set({ education_levels: null })
    .where("id", "=", elements[3] as number)
    .execute();
  periods = (await db.selectFrom("period").select("id").orderBy("id").limit(3).execute()).map((r) => r.id);
  schools = (
    await db.selectFrom("org_unit").select("id").where("kind", "=", "school").orderBy("id").execute()
  ).map((r) => r.id);
  communes = (
    await db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "in", COMMUNE_KINDS)
      .where("valid_to", "is", null)
      .orderBy("id")
      .execute()
  ).map((r) => r.id);
  // a school whose levels are stored (its name names none), one whose stored levels override its name
  await db
    .updateTable("org_unit")
    .set({
      full_name: "Trường Liên cấp số 1",
      education_levels: JSON.stringify(["primary", "upper_secondary"]),
    })
    .where("id", "=", schools[0] as number)
    .execute();
  await db
    .updateTable("org_unit")
    .set({ education_levels: JSON.stringify(["preschool"]) })
    .where("id", "=", schools[1] as number)
    .execute();
  await rebuildRollups(db, today);
});
afterAll(async () => {
  await t.close();
});

describe("coverage counts kept on write", () => {
  it("equal the live walk after inserts, updates, drafts sent and returned, and deletes", async () => {
    const units = [...schools, ...communes];
    const seen = new Set<string>();
    const rows: FigureWrite[] = [];
    while (rows.length < 1500) {
      const r = {
        element_id: pick(elements),
        period_id: pick(periods),
        org_unit_id: pick(units),
        category: pick(["", "", "", "sex.female"]),
        value: Math.round(rand() * 100),
        comment: null,
        draft: rand() < 0.15,
      };
      const key = `${r.element_id}|${r.period_id}|${r.org_unit_id}|${r.category}`;
      if (!seen.has(key)) rows.push(r);
      seen.add(key);
    }
    // each write goes through the triggers: the counts are not rebuilt in this test
    await writeFigureRows(t.db, rows.slice(0, 1000), null);
    const asks = randomAsks(60);
    await expectKeptEqualsLive(asks);
    await writeFigureRows(t.db, rows.slice(1000), null);
    // values changed, some removed, some sent (no longer drafts), some made drafts, in one write
    await writeFigureRows(
      t.db,
      rows.slice(0, 300).map((r, i) => ({
        ...r,
        value: i % 5 === 0 ? null : (r.value as number) + 1,
        draft: i % 3 === 0 ? !r.draft : r.draft,
      })),
      null,
    );
    await expectKeptEqualsLive(asks);
    // forms returned (their values become drafts) and sent again
    const returned = units.filter(() => rand() < 0.3);
    await t.db.updateTable("data_value").set({ draft: true }).where("org_unit_id", "in", returned).execute();
    await expectKeptEqualsLive(asks);
    await t.db
      .updateTable("data_value")
      .set({ draft: false })
      .where("org_unit_id", "in", returned.slice(0, 10))
      .execute();
    // values moved to another period in one statement (one per unit and element, to a free place)
    const to = periods[0] as number;
    await sql`update data_value set period_id = ${to}
      where id in (select distinct on (d.org_unit_id, d.element_id) d.id from data_value d
                    where d.category = '' and d.period_id <> ${to}
                      and not exists (select 1 from data_value w where w.org_unit_id = d.org_unit_id
                        and w.element_id = d.element_id and w.category = '' and w.period_id = ${to})
                    order by d.org_unit_id, d.element_id, d.id limit 40)`.execute(t.db);
    await t.db.deleteFrom("data_value").where("org_unit_id", "in", units.slice(0, 25)).execute();
    const kept = await expectKeptEqualsLive(randomAsks(80));
    // the asks tell units apart: some reported, some not, none more than it covers
    expect(kept.some((c) => c.reported > 0 && c.reported < c.total)).toBe(true);
    expect(kept.every((c) => c.reported <= c.total)).toBe(true);
  });

  it("leave out the schools an element is not asked of, and follow a change of the element's levels at once", async () => {
    const ask = (elementId: number): CoverageAsk => ({
      rootId: province,
      kinds: ["school"],
      elementId,
      periodId: periods[1] as number,
    });
    const [all, preschool, secondary] = await expectKeptEqualsLive(
      [elements[0], elements[1], elements[2]].map((e) => ask(e as number)),
    );
    // the sample schools: one of three per commune is a kindergarten, one a lower-secondary school
    expect(all?.total).toBe(schools.length);
    expect(preschool?.total).toBeLessThan(schools.length / 2);
    expect(secondary?.total).toBeLessThan(schools.length / 2);
    // the school whose stored levels are primary and upper secondary is asked for secondary figures
    const one = (id: number, e: number) => ({ ...ask(e), rootId: id });
    expect(await expectKeptEqualsLive([one(schools[0] as number, elements[2] as number)])).toEqual([
      expect.objectContaining({ total: 1 }),
    ]);
    expect(await expectKeptEqualsLive([one(schools[0] as number, elements[1] as number)])).toEqual([
      expect.objectContaining({ total: 0 }),
    ]);
    // the element's levels change: no rebuild, the kept counts still serve and follow
    await setElementLevels(elements[1] as number, ["preschool", "primary"]);
    expect((await readRollupState(t.db)).stale).toBe(false);
    const [wider] = await expectKeptEqualsLive([ask(elements[1] as number)]);
    expect(wider?.total).toBeGreaterThan(preschool?.total as number);
    await setElementLevels(elements[1] as number, ["preschool"]);
  });

  it("follow a change of a school's levels or name after the rebuild, the live walk answering meanwhile", async () => {
    const ask: CoverageAsk = {
      rootId: province,
      kinds: ["school"],
      elementId: elements[1] as number,
      periodId: periods[2] as number,
    };
    const [before] = await expectKeptEqualsLive([ask]);
    // a lower-secondary school now also teaches preschool; another is renamed a kindergarten
    const thcs = await t.db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "school")
      .where("full_name", "like", "%THCS%")
      .orderBy("id")
      .limit(2)
      .execute();
    await t.db
      .updateTable("org_unit")
      .set({ education_levels: JSON.stringify(["preschool", "lower_secondary"]) })
      .where("id", "=", thcs[0]?.id as number)
      .execute();
    expect((await readRollupState(t.db)).stale).toBe(true);
    expect(await coverageMany(t.db, today, [ask])).toEqual(await coverageManyLive(t.db, today, [ask]));
    await t.db
      .updateTable("org_unit")
      .set({ full_name: "Trường Mầm non Hoa Ban" })
      .where("id", "=", thcs[1]?.id as number)
      .execute();
    await rebuildRollups(t.db, today);
    const [after] = await expectKeptEqualsLive([ask, ...randomAsks(30)]);
    expect(after?.total).toBe((before?.total as number) + 2);
  });

  it("follow a merger of two communes after the rebuild, and stay right as of a day before it", async () => {
    const [a, b] = communes.slice(-2) as [number, number];
    const asks: CoverageAsk[] = [
      { rootId: b, kinds: ["school"], elementId: elements[0] as number, periodId: periods[0] as number },
      {
        rootId: province,
        kinds: COMMUNE_KINDS,
        elementId: elements[3] as number,
        periodId: periods[0] as number,
      },
      ...randomAsks(30),
    ];
    const [underB, communesBefore] = await expectKeptEqualsLive(asks);
    const merged = today < "2026-01-01" ? today : "2026-01-01";
    // a ceases and hangs under b with its schools, from `merged` on
    await t.db
      .updateTable("org_unit_parent")
      .set({ valid_to: merged })
      .where("child_id", "=", a)
      .where("valid_to", "is", null)
      .execute();
    await t.db.updateTable("org_unit").set({ valid_to: merged }).where("id", "=", a).execute();
    await sql`insert into org_unit_parent (child_id, parent_id, valid_from)
      select child_id, ${b}::integer, ${merged}::date from org_unit_parent
       where parent_id = ${a} and valid_to is null`.execute(t.db);
    await sql`update org_unit_parent set valid_to = ${merged}::date
       where parent_id = ${a} and valid_to is null`.execute(t.db);
    await insertLineage(t.db, a, b, merged, 1, "sáp nhập để thử");
    expect((await readRollupState(t.db)).stale).toBe(true);
    await rebuildRollups(t.db, today);
    const [underBAfter, communesAfter] = await expectKeptEqualsLive(asks);
    expect(underBAfter?.total).toBeGreaterThan(underB?.total as number);
    expect(communesAfter?.total).toBe((communesBefore?.total as number) - 1);
    // a day before the merger is not the stored map's: the live walk answers it
    const before = new Date(Date.parse(`${merged}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(rollupServes(await readRollupState(t.db), before)).toBe(false);
    expect(await coverageMany(t.db, before, asks)).toEqual(await coverageManyLive(t.db, before, asks));
  });

  it("empty with the values, and count again what is entered next", async () => {
    await sql`truncate data_value cascade`.execute(t.db);
    const asks = randomAsks(20);
    expect((await expectKeptEqualsLive(asks)).every((c) => c.reported === 0)).toBe(true);
    await bulkUpsertValues(
      t.db,
      schools.slice(0, 30).map((id) => ({
        element_id: elements[0] as number,
        period_id: periods[0] as number,
        org_unit_id: id,
        category: "",
        value: 1,
      })),
      null,
    );
    const [p] = await expectKeptEqualsLive([
      {
        rootId: province,
        kinds: ["school"],
        elementId: elements[0] as number,
        periodId: periods[0] as number,
      },
      ...asks,
    ]);
    expect(p?.reported).toBe(30);
  });
});
