/**
 * npm run bench:dhis2 — 100 000 DHIS2 data values (JSON, UIDs, DHIS2 periods: yearly, quarterly,
 * six-monthly, "2025Sep" school years) imported on PostgreSQL into the real catalog and map through
 * the whole path: payload read, identifiers resolved through an instance's mappings, the forms' checks
 * and locks in writeFigures, per-form audit, the values kept with storedBy/lastUpdated, and the
 * rollups kept by their triggers in the same transaction. Then the same file again (all updates).
 * The province totals are checked against a live walk of the map afterwards.
 */

import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { sumUp, sumUpLive } from "../src/db/repositories/figureQueries.ts";
import { formDefinition } from "../src/db/repositories/formRepository.ts";
import { readRollupState, rebuildRollups, rollupServes } from "../src/db/repositories/rollupRepository.ts";
import { CATEGORY_OPTIONS } from "../src/domain/breakdowns.ts";
import { EDUCATION_LEVELS } from "../src/domain/educationLevels.ts";
import type { Actor } from "../src/domain/roles.ts";
import { readDataValueSetJson } from "../src/import/dhis2/readDataValueSet.ts";
import type { Dhis2DataValue } from "../src/usecases/dhis2/dhis2Client.ts";
import { importDataValues } from "../src/usecases/dhis2/importDataValues.ts";
import { importDhis2Metadata } from "../src/usecases/dhis2/importDhis2Metadata.ts";
import { lotrinhAsDhis2, uidOf } from "../src/usecases/dhis2/testing/lotrinhAsDhis2.ts";
import { loadAdministrativeMap } from "../src/usecases/loadAdministrativeMap.ts";
import { loadIndicatorCatalog } from "../src/usecases/loadIndicatorCatalog.ts";
import { benchDatabase } from "./nationalMap.ts";

const VALUES = Number(process.env.BENCH_VALUES ?? 100_000);
const fmt = (n: number, d = 0) => n.toLocaleString("vi-VN", { maximumFractionDigits: d });
const admin: Actor = { id: null, name: "Đo hiệu năng", role: "admin", orgUnitId: null };

const bench = await benchDatabase("lotrinh_bench_dhis2");
const { db } = bench;
await loadAdministrativeMap(db);
await loadIndicatorCatalog(db);
const today = new Date().toISOString().slice(0, 10);
await rebuildRollups(db, today);
const metadata = await lotrinhAsDhis2(db);
await importDhis2Metadata(db, admin, { name: "bench", metadata });

// a commune's form filled so that it passes every check: a denominator 1 000, a numerator 800,
// "of which" parts half the whole, the four education levels a quarter each, yes/no 1
const def = await formDefinition(db, { entersAs: "commune", levels: [...EDUCATION_LEVELS] });
const denominators = new Set(def.indicators.map((i) => i.denominator_id));
const rules = new Map(def.elements.map((e) => [e.id, e.value_kind]));
const combo = new Map(CATEGORY_OPTIONS.map((o, i) => [o.code, uidOf("C", i + 1)]));
const fields = def.fields.map((f) => {
  const whole = rules.get(f.elementId) === "yes_no" ? 1 : denominators.has(f.elementId) ? 1000 : 800;
  const kind = CATEGORY_OPTIONS.find((o) => o.code === f.category)?.kind;
  const value = !f.category ? whole : kind === "part" ? whole / 4 : whole / 2;
  return { de: uidOf("E", f.elementId), coc: f.category ? combo.get(f.category) : undefined, value };
});
const communes = await db
  .selectFrom("org_unit")
  .select("id")
  .where("kind", "in", ["commune", "ward"])
  .where("valid_to", "is", null)
  .orderBy("id")
  .execute();
const periods: string[] = [];
for (let y = 2023; y <= 2031; y++)
  periods.push(`${y}`, `${y}Sep`, `${y}S1`, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`);
const dataValues: Dhis2DataValue[] = [];
outer: for (const pe of periods)
  for (const u of communes)
    for (const f of fields) {
      if (dataValues.length >= VALUES) break outer;
      dataValues.push({
        dataElement: f.de,
        period: pe,
        orgUnit: uidOf("U", u.id),
        ...(f.coc ? { categoryOptionCombo: f.coc } : {}),
        attributeOptionCombo: "HllvX50cXC0",
        value: String(f.value),
        storedBy: "bench",
        lastUpdated: "2025-10-01T00:00:00.000+0000",
        followup: false,
      });
    }
const text = JSON.stringify({ dataValues });
await sql`analyze`.execute(db);

console.log(
  `Tải máy lúc đo (uptime): ${os
    .loadavg()
    .map((l) => fmt(l, 1))
    .join(" ")}`,
);
console.log(
  `PostgreSQL — ${fmt(dataValues.length)} giá trị DHIS2 (${fmt(text.length / 1e6, 1)} MB JSON): ${fields.length} ô × ${communes.length} xã × ${periods.length} kỳ (tối đa)`,
);
const options = {
  dryRun: false,
  importStrategy: "CREATE_AND_UPDATE" as const,
  atomicMode: "NONE" as const,
  idSchemes: { dataElement: "UID", orgUnit: "UID", categoryOptionCombo: "UID" } as const,
  instance: "bench",
};
for (const round of ["lần 1 (mới)", "lần 2 (cập nhật)"]) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const payload = readDataValueSetJson(JSON.parse(text));
  const summary = await importDataValues(db, admin, payload, options);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  console.log(
    `Nhập ${round}: ${fmt(seconds, 2)} s (${fmt(dataValues.length / seconds)} giá trị/s) — ${summary.status}, ${JSON.stringify(summary.importCount)}, ${summary.conflicts.length} xung đột; CPU của Node ${fmt(nodeCpu, 2)} s`,
  );
  if (summary.conflicts.length > 0) console.log(summary.conflicts.slice(0, 3));
}

// the rollups kept by the triggers agree with a live walk of the map
const province = await db
  .selectFrom("org_unit")
  .select("id")
  .where("kind", "=", "province")
  .executeTakeFirstOrThrow();
const periodIds = (
  await db.selectFrom("period").select("id").where("code", "in", ["2025SY", "2025"]).execute()
).map((p) => p.id);
const ask = { rootId: province.id, asOf: today, elementIds: def.elements.map((e) => e.id), periodIds };
const fromRollups = rollupServes(await readRollupState(db), today);
const [stored, live] = await Promise.all([sumUp(db, ask), sumUpLive(db, ask)]);
const key = (r: { element_id: number; period_id: number; total: number }) =>
  `${r.element_id}|${r.period_id}|${r.total}`;
const agree = fromRollups && JSON.stringify(stored.map(key).sort()) === JSON.stringify(live.map(key).sort());
const count = await db
  .selectFrom("data_value")
  .select((eb) => eb.fn.countAll<string>().as("n"))
  .executeTakeFirstOrThrow();
console.log(
  `Giá trị trong data_value: ${fmt(Number(count.n))}; tổng cấp tỉnh từ rollup = đi bộ trực tiếp: ${agree ? "khớp" : "KHÔNG KHỚP"} (${stored.length} tổng)`,
);
await bench.drop();
if (!agree) process.exit(1);
