/**
 * npm run bench:tasks — a generated register of 20 000 tasks × 5 yearly occurrences (100 000 things due)
 * spread over the 38 communes' and the provincial bodies, on PGlite and on PostgreSQL. Prints the median
 * time of the filtered register (first page + count) and of the scoreboard, as the API runs them.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { type Kysely, sql } from "kysely";
import { type Db, openPglite, openPostgres } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { scoreboard } from "../src/db/repositories/scoreboardQueries.ts";
import { searchRegister } from "../src/db/repositories/taskQueries.ts";
import type { Database } from "../src/db/schema.ts";
import { EVERY_UNIT, unitsScope } from "../src/domain/policies/scope.ts";
import { asciiKey } from "../src/domain/text.ts";
import { loadAdministrativeMap } from "../src/usecases/loadAdministrativeMap.ts";

const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const clock = { today: "2028-07-01", soon: "2028-07-08" };

async function generate(db: Kysely<Database>) {
  await migrateToLatest(db);
  await loadAdministrativeMap(db);
  const t0 = performance.now();
  await sql`insert into document (identity_key, held, doc_type, number, number_key, title)
    select 'n:BENCH' || g, true, 'KH', g || '/KH-BENCH', g || '/KH-BENCH', 'Kế hoạch sinh ra để đo ' || g
    from generate_series(1, 50) g`.execute(db);
  await sql`insert into plan_task (document_id, ref, title, timeframe_text, timeframe, timeframe_kind, source, position, search_key)
    select (select min(id) from document) + (g % 50), 'T' || g,
      'Nhiệm vụ số ' || g || case when g % 7 = 0 then ' tuyên truyền giáo dục' else ' xây dựng kế hoạch' end,
      'Hằng năm', '{"kind":"recurring"}', 'recurring', 'table', g,
      't' || g || ' nhiem vu so ' || g || case when g % 7 = 0 then ' tuyen truyen giao duc' else ' xay dung ke hoach' end
    from generate_series(1, ${TASKS}) g`.execute(db);
  await sql`with units as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n
      from org_unit where valid_to is null and kind in ('commune', 'ward', 'body'))
    insert into task_body (task_id, role, text, unit_id, position)
    select t.id, r.role, u.id::text, u.id, 0
    from plan_task t
    cross join (values ('lead'), ('support')) as r(role)
    join units u on u.i = ((t.id * case when r.role = 'lead' then 7 else 13 end) % u.n)`.execute(db);
  await sql`insert into task_occurrence (task_id, label, kind, period_year, due_on, state, percent, completed_on)
    select t.id, 'Năm ' || y, 'yearly', y, make_date(y, 12, 31),
      case when y < 2028 and (t.id + y) % 3 <> 0 then 'done' when (t.id + y) % 5 = 0 then 'in_progress' else 'not_started' end,
      case when y < 2028 and (t.id + y) % 3 <> 0 then 100 else 0 end,
      case when y < 2028 and (t.id + y) % 3 <> 0 then make_date(y, 12, 31) - ((t.id % 60) - 20) else null end
    from plan_task t cross join generate_series(2026, 2030) y`.execute(db);
  await sql`analyze`.execute(db);
  return performance.now() - t0;
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function measure(name: string, db: Db) {
  const gen = await generate(db.db);
  const occ = await db.db
    .selectFrom("task_occurrence")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const unit = await db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", "Xã Bình Lư")
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  const scope = unitsScope([unit.id]);
  const doc = await db.db.selectFrom("document").select("id").orderBy("id").executeTakeFirstOrThrow();
  const cases: [string, () => Promise<unknown>][] = [
    [
      "sổ nhiệm vụ: quá hạn, trang 1 + tổng",
      () =>
        searchRegister(db.db, { scope: EVERY_UNIT, timeliness: "overdue" }, clock, { limit: 50, offset: 0 }),
    ],
    [
      "sổ nhiệm vụ: một cơ quan + tìm chữ",
      () =>
        searchRegister(
          db.db,
          { scope: EVERY_UNIT, unitId: unit.id, text: asciiKey("tuyên truyền"), includeDone: true },
          clock,
          { limit: 50, offset: 0 },
        ),
    ],
    [
      "việc của tôi (một xã)",
      () => searchRegister(db.db, { scope }, clock, { limit: 300, offset: 0, order: "urgency" }),
    ],
    ["bảng điểm toàn tỉnh", () => scoreboard(db.db, clock.today, { scope: EVERY_UNIT })],
    [
      "bảng điểm một kế hoạch",
      () => scoreboard(db.db, clock.today, { scope: EVERY_UNIT, documentId: doc.id }),
    ],
  ];
  console.log(
    `\n${name}: ${TASKS.toLocaleString("vi-VN")} nhiệm vụ, ${Number(occ.n).toLocaleString("vi-VN")} lần đến hạn (sinh dữ liệu ${(gen / 1000).toFixed(1).replace(".", ",")} s)`,
  );
  for (const [label, fn] of cases) {
    const ms = await median(fn);
    console.log(
      `  ${label.padEnd(40)} trung vị ${ms.toFixed(1).replace(".", ",").padStart(7)} ms (${RUNS} lần)`,
    );
  }
}

const pglite = await openPglite({});
await measure("PGlite (bộ nhớ)", pglite);
await pglite.close();

let url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL_TEST;
let stop: (() => void) | null = null;
if (!url) {
  try {
    const out = execFileSync("bash", ["scripts/throwaway-postgres.sh"], { encoding: "utf8" });
    url = /DATABASE_URL_TEST=(\S+)/.exec(out)?.[1];
    const dir = /LOTRINH_PG_DIR=(\S+)/.exec(out)?.[1];
    stop = () => execFileSync("bash", ["scripts/throwaway-postgres.sh", "stop", dir as string]);
  } catch {
    console.log("\nPostgreSQL: không có máy chủ (đặt BENCH_DATABASE_URL) — bỏ qua.");
  }
}
if (url) {
  const admin = await openPostgres(url);
  await sql`drop database if exists lotrinh_bench`.execute(admin.db);
  await sql`create database lotrinh_bench`.execute(admin.db);
  await admin.close();
  const u = new URL(url);
  u.pathname = "/lotrinh_bench";
  const pg = await openPostgres(u.toString());
  await measure("PostgreSQL", pg);
  await pg.close();
  const admin2 = await openPostgres(url);
  await sql`drop database if exists lotrinh_bench`.execute(admin2.db);
  await admin2.close();
}
stop?.();
