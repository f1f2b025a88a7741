/**
 * The bulk import (all forms of a payload checked and written together, unchanged values skipped)
 * stores exactly what the same payload imported form by form stores: the same values, the same
 * per-form audit (before → after), the same rollups, the same counts. Random payloads, one after the
 * other on the same two databases, so later payloads update, repeat and delete what earlier ones
 * wrote; they mix good values with ones the checks refuse (out of range, not whole, numerator above
 * denominator, not a number).
 */
import fc from "fast-check";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { formDefinition } from "../../db/repositories/formRepository.ts";
import { rebuildRollups } from "../../db/repositories/rollupRepository.ts";
import type { Database } from "../../db/schema.ts";
import { openTestDb } from "../../db/testing.ts";
import { CATEGORY_OPTIONS } from "../../domain/breakdowns.ts";
import { EDUCATION_LEVELS } from "../../domain/educationLevels.ts";
import type { Actor } from "../../domain/roles.ts";
import { readDataValueSetJson } from "../../import/dhis2/readDataValueSet.ts";
import type { Dhis2DataValue } from "./dhis2Client.ts";
import { importDataValues } from "./importDataValues.ts";
import { importDhis2Metadata } from "./importDhis2Metadata.ts";
import type { ImportOptions } from "./importSummary.ts";
import { lotrinhAsDhis2, uidOf } from "./testing/lotrinhAsDhis2.ts";

const admin: Actor = { id: null, name: "Quản trị thử", role: "admin", orgUnitId: null };
const OPTIONS: ImportOptions = {
  dryRun: false,
  importStrategy: "CREATE_AND_UPDATE",
  atomicMode: "NONE",
  idSchemes: { dataElement: "UID", orgUnit: "UID", categoryOptionCombo: "UID" },
  instance: "bo",
};
let bulk: Db;
let byForm: Db;
let fields: { de: string; coc?: string; denominator: boolean }[];
let units: string[];
let categoryOf: Map<string, string>;
const PERIODS = ["2025", "2025Sep"];

async function prepare(db: Kysely<Database>) {
  await rebuildRollups(db, "2026-01-01");
  const metadata = await lotrinhAsDhis2(db);
  await importDhis2Metadata(db, admin, { name: "bo", metadata });
}

beforeAll(async () => {
  [bulk, byForm] = await Promise.all([openTestDb(), openTestDb()]);
  await Promise.all([prepare(bulk.db), prepare(byForm.db)]);
  const def = await formDefinition(bulk.db, { entersAs: "commune", levels: [...EDUCATION_LEVELS] });
  const denominators = new Set(def.indicators.map((i) => i.denominator_id));
  const combo = new Map(CATEGORY_OPTIONS.map((o, i) => [o.code, uidOf("C", i + 1)]));
  categoryOf = new Map([...combo].map(([code, uid]) => [uid, code]));
  fields = def.fields.map((f) => ({
    de: uidOf("E", f.elementId),
    ...(f.category ? { coc: combo.get(f.category) } : {}),
    denominator: denominators.has(f.elementId),
  }));
  const communes = await bulk.db
    .selectFrom("org_unit")
    .select("id")
    .where("kind", "in", ["commune", "ward"])
    .where("valid_to", "is", null)
    .orderBy("id")
    .limit(3)
    .execute();
  units = communes.map((u) => uidOf("U", u.id));
}, 300_000);
afterAll(async () => {
  await bulk?.close();
  await byForm?.close();
});

/** A value: mostly plausible, sometimes one the checks refuse, sometimes empty (a deletion). */
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("0", "1", "10", "40", "400", "800", "1000") },
  { weight: 1, arbitrary: fc.constantFrom("-5", "2.5", "abc", "99999999") },
  { weight: 1, arbitrary: fc.constant("") },
);
const rowArb = fc.record({
  field: fc.nat(),
  unit: fc.nat(),
  period: fc.nat(),
  value: valueArb,
});

function payloadOf(rows: { field: number; unit: number; period: number; value: string }[]) {
  const seen = new Set<string>();
  const out: Dhis2DataValue[] = [];
  for (const r of rows) {
    const f = fields[r.field % fields.length] as (typeof fields)[number];
    const ou = units[r.unit % units.length] as string;
    const pe = PERIODS[r.period % PERIODS.length] as string;
    const key = `${f.de}|${f.coc}|${ou}|${pe}`;
    if (seen.has(key)) continue; // one row per value: the last-row-wins rule is not what is compared
    seen.add(key);
    out.push({
      dataElement: f.de,
      period: pe,
      orgUnit: ou,
      ...(f.coc ? { categoryOptionCombo: f.coc } : {}),
      value: r.value,
      storedBy: "thu",
    });
  }
  return out;
}

async function state(db: Kysely<Database>) {
  const [values, audits, rollups, meta] = await Promise.all([
    db
      .selectFrom("data_value")
      .select(["element_id", "period_id", "org_unit_id", "category", "value", "draft"])
      .orderBy("element_id")
      .orderBy("period_id")
      .orderBy("org_unit_id")
      .orderBy("category")
      .execute(),
    db
      .selectFrom("audit_log")
      .select(["entity_id", "before", "after"])
      .where("action", "=", "figures.import")
      .where("entity_id", "is not", null)
      .orderBy("entity_id")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("value_rollup")
      .select(["ancestor_id", "element_id", "period_id", "category", "total", "value_count"])
      .where("value_count", "<>", 0)
      .orderBy("ancestor_id")
      .orderBy("element_id")
      .orderBy("period_id")
      .orderBy("category")
      .execute(),
    db
      .selectFrom("dhis2_value_meta")
      .select(["element_id", "period_id", "org_unit_id", "category", "stored_by"])
      .orderBy("element_id")
      .orderBy("period_id")
      .orderBy("org_unit_id")
      .orderBy("category")
      .execute(),
  ]);
  return {
    values: values.map((v) => ({ ...v, value: Number(v.value) })),
    audits,
    rollups: rollups.map((r) => ({ ...r, total: Number(r.total), value_count: Number(r.value_count) })),
    meta,
  };
}

/** Every row the import took is stored as sent (an empty value: no longer stored). */
async function expectRowsStored(db: Kysely<Database>, sent: Dhis2DataValue[], refused: Set<number>) {
  const stored = new Map(
    (
      await db
        .selectFrom("data_value")
        .select(["element_id", "period_id", "org_unit_id", "category", "value"])
        .execute()
    ).map((v) => [`${v.element_id}|${v.period_id}|${v.org_unit_id}|${v.category}`, Number(v.value)]),
  );
  const periods = new Map(
    (await db.selectFrom("period").select(["id", "code"]).execute()).map((p) => [p.code, p.id]),
  );
  for (const [i, v] of sent.entries()) {
    if (refused.has(i)) continue;
    const period = periods.get(v.period === "2025Sep" ? "2025SY" : v.period);
    const key = `${Number(v.dataElement.slice(1))}|${period}|${Number(v.orgUnit.slice(1))}|${v.categoryOptionCombo ? categoryOf.get(v.categoryOptionCombo) : ""}`;
    expect(stored.get(key), `row ${i}: ${JSON.stringify(v)}`).toBe(
      v.value === "" ? undefined : Number(v.value),
    );
  }
}

/** The stored rollups are the official values added up over the map, recomputed from scratch. */
async function expectRollupsTrue(db: Kysely<Database>) {
  const recomputed = await sql<{ k: string; total: string; n: string }>`
    select a.ancestor_id || '|' || d.element_id || '|' || d.period_id || '|' || d.category as k,
           sum(d.value * a.w) as total, count(*) as n
      from data_value d join unit_ancestry a on a.unit_id = d.org_unit_id
     where not d.draft group by 1 order by 1`.execute(db);
  const stored = await sql<{ k: string; total: string; n: string }>`
    select ancestor_id || '|' || element_id || '|' || period_id || '|' || category as k, total, value_count as n
      from value_rollup where value_count <> 0 order by 1`.execute(db);
  const shape = (rows: { k: string; total: string; n: string }[]) =>
    rows.map((r) => `${r.k}=${Number(r.total)}/${Number(r.n)}`);
  expect(shape(stored.rows)).toEqual(shape(recomputed.rows));
}

describe("bulk DHIS2 import = the same payload form by form", () => {
  it("same values, audits, rollups and counts on random payloads", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 120 }), async (rows) => {
        const dataValues = payloadOf(rows);
        const one = await importDataValues(bulk.db, admin, readDataValueSetJson({ dataValues }), OPTIONS);
        const forms = new Map<string, Dhis2DataValue[]>();
        for (const v of dataValues)
          forms.set(`${v.orgUnit}|${v.period}`, [...(forms.get(`${v.orgUnit}|${v.period}`) ?? []), v]);
        const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
        for (const part of forms.values()) {
          const s = await importDataValues(
            byForm.db,
            admin,
            readDataValueSetJson({ dataValues: part }),
            OPTIONS,
          );
          for (const k of Object.keys(count) as (keyof typeof count)[]) count[k] += s.importCount[k];
        }
        expect(one.importCount).toEqual(count);
        await expectRowsStored(bulk.db, dataValues, new Set(one.conflicts.flatMap((c) => c.indexes)));
        await expectRollupsTrue(bulk.db);
        const [a, b] = await Promise.all([state(bulk.db), state(byForm.db)]);
        expect(a).toEqual(b);
        written += one.importCount.imported + one.importCount.updated;
      }),
      { numRuns: 12, seed: 20261201 },
    );
    // the payloads did write (and were refused in part): the comparison is not of two empty tables
    expect(written).toBeGreaterThan(0);
    const end = await state(bulk.db);
    expect(end.values.length).toBeGreaterThan(0);
    expect(end.rollups.length).toBeGreaterThan(0);
    expect(end.audits.length).toBeGreaterThan(0);
  }, 600_000);
});
