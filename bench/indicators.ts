import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { bulkUpsertValues, sumUp, sumUpLive, type ValueRow } from "../src/db/repositories/figureQueries.ts";
import { readRollupState, rebuildRollups, rollupServes } from "../src/db/repositories/rollupRepository.ts";
import { benchDatabase, COMMUNES, createNationalMap, PROVINCES } from "./nationalMap.ts";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 45_000);
const ELEMENTS = 30;
const PERIODS = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const fmt = (n: number) => Math.round(n).toLocaleString("vi-VN");

const bench = await benchDatabase("lotrinh_bench_ind");
const { db } = bench;

// the map
await createNationalMap(db, SCHOOLS);
await sql`insert into data_element (id, code, name, level) select g, 'DE' || g, 'Chỉ số ' || g, 'school' from generate_series(1, ${ELEMENTS}) g`.execute(
  db,
);
await sql`insert into period (id, code, kind, name, start_date, end_date)
  select g, (2020 + g) || 'SY', 'school_year', 'Năm học ' || (2020 + g), make_date(2020 + g, 9, 1), make_date(2021 + g, 5, 31) from generate_series(1, ${PERIODS}) g`.execute(
  db,
);
await sql`insert into indicator (code, name, unit, type, level, numerator_id, denominator_id) values ('BENCH', 'Tỷ lệ đo', '%', 'rate', 'school', 1, 2)`.execute(
  db,
);
const today = "2030-01-01";
await rebuildRollups(db, today);
await sql`analyze`.execute(db);

const total = SCHOOLS * ELEMENTS * PERIODS;
function* rowsOf(): Generator<ValueRow[]> {
  let batch: ValueRow[] = [];
  for (let p = 1; p <= PERIODS; p++)
    for (let e = 1; e <= ELEMENTS; e++)
      for (let s = 1; s <= SCHOOLS; s++) {
        batch.push({
          element_id: e,
          period_id: p,
          org_unit_id: 100000 + s,
          value: (s * 7 + e * 13 + p) % 500,
        });
        if (batch.length === 100_000) {
          yield batch;
          batch = [];
        }
      }
  if (batch.length) yield batch;
}

console.log(
  `PostgreSQL — bản đồ: ${PROVINCES} tỉnh, ${fmt(COMMUNES)} xã, ${fmt(SCHOOLS)} trường; ${ELEMENTS} chỉ số × ${PERIODS} kỳ = ${fmt(total)} giá trị`,
);

// 1. PostgreSQL's own COPY of the same rows into the same table (same unique index), rollups off
const client = new pg.Client({ connectionString: bench.url });
await client.connect();
await client.query("alter table data_value disable trigger user");
let t0 = performance.now();
const copy = client.query(copyFrom("COPY data_value (element_id, period_id, org_unit_id, value) FROM STDIN"));
await pipeline(
  Readable.from(
    (function* () {
      for (const batch of rowsOf())
        yield batch.map((r) => `${r.element_id}\t${r.period_id}\t${r.org_unit_id}\t${r.value}\n`).join("");
    })(),
  ),
  copy,
);
const copyMs = performance.now() - t0;
await client.query("truncate data_value");
await client.query("alter table data_value enable trigger user");
await client.end();
console.log(
  `  COPY của PostgreSQL:            ${fmt(total / (copyMs / 1000))} giá trị/giây (${(copyMs / 1000).toFixed(1).replace(".", ",")} s)`,
);

// 2. Lộ Trình's loader (the one dataValueSets imports use), each batch in one transaction with its
//    rollup deltas
t0 = performance.now();
for (const batch of rowsOf())
  await db.transaction().execute((trx) => bulkUpsertValues(trx, batch, null, 50_000));
const loadMs = performance.now() - t0;
await sql`analyze data_value`.execute(db);
await sql`analyze value_rollup`.execute(db);
console.log(
  `  Bộ nạp của Lộ Trình:            ${fmt(total / (loadMs / 1000))} giá trị/giây (${(loadMs / 1000).toFixed(1).replace(".", ",")} s)`,
);
console.log(`  Tỷ lệ so với COPY:              ${(copyMs / loadMs).toFixed(2).replace(".", ",")}`);

async function median(fn: () => Promise<unknown>) {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    xs.push(performance.now() - s);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)] as number;
}
const allElements = Array.from({ length: ELEMENTS }, (_, i) => i + 1);
const allPeriods = Array.from({ length: PERIODS }, (_, i) => i + 1);
if (!rollupServes(await readRollupState(db), today)) throw new Error("bảng tổng hợp không phục vụ ngày đo");
const provinceOpts = { rootId: 2, asOf: today, elementIds: allElements, periodIds: allPeriods };
const nationalOpts = { rootId: 1, asOf: today, elementIds: [1, 2], periodIds: [PERIODS] };
const key = (xs: { element_id: number; period_id: number; total: number }[]) =>
  JSON.stringify(xs.map((x) => [x.element_id, x.period_id, x.total]).sort());
for (const o of [provinceOpts, nationalOpts]) {
  if (key(await sumUp(db, o)) !== key(await sumUpLive(db, o)))
    throw new Error("tổng từ bảng tổng hợp khác tổng tính trực tiếp");
}
const ms = (x: number) => x.toFixed(1).replace(".", ",");
const province = await median(() => sumUp(db, provinceOpts));
const national = await median(() => sumUp(db, nationalOpts));
const provinceLive = await median(() => sumUpLive(db, provinceOpts));
const nationalLive = await median(() => sumUpLive(db, nationalOpts));
console.log("  (hai cách đọc cho cùng kết quả)");
console.log(
  `  Trang mục tiêu của một tỉnh:    trung vị ${ms(province)} ms (${ELEMENTS} chỉ số × ${PERIODS} kỳ, ${RUNS} lần; đi bản đồ trực tiếp: ${ms(provinceLive)} ms)`,
);
console.log(
  `  Tổng toàn quốc, 1 chỉ tiêu/kỳ:  trung vị ${ms(national)} ms (${RUNS} lần; đi bản đồ trực tiếp: ${ms(nationalLive)} ms)`,
);
t0 = performance.now();
const rebuilt = await rebuildRollups(db, today);
console.log(
  `  Dựng lại toàn bộ bảng tổng hợp (khi bản đồ đổi): ${ms((performance.now() - t0) / 1000)} s (${fmt(rebuilt.rows)} dòng)`,
);

if (process.env.BENCH_KEEP) {
  console.log(`  (cơ sở dữ liệu giữ lại: ${bench.url})`);
  process.exit(0);
}
await bench.drop();
