/**
 * npm run bench:reports — on PGlite: the sơ kết of a plan with 500 tasks, 100 targets and 40 lead
 * bodies, and the compiled province report of a round with 40 submitted reports; each timed from the
 * database to the finished DOCX and XLSX (aim: under 2 s each). Prints the median of BENCH_RUNS runs.
 */
import { performance } from "node:perf_hooks";
import { type Kysely, sql } from "kysely";
import { openPglite } from "../src/db/database.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import type { Database } from "../src/db/schema.ts";
import { systemActor } from "../src/domain/roles.ts";
import { reportToDocx } from "../src/reports/toDocx.ts";
import { reportToXlsx } from "../src/reports/toXlsx.ts";
import { generateReport } from "../src/usecases/generateReport.ts";
import { loadAdministrativeMap } from "../src/usecases/loadAdministrativeMap.ts";
import { loadIndicatorCatalog } from "../src/usecases/loadIndicatorCatalog.ts";
import { openReportRound } from "../src/usecases/openReportRound.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NOW = new Date("2028-12-20T03:00:00Z");

async function generate(db: Kysely<Database>) {
  await migrateToLatest(db);
  await loadAdministrativeMap(db);
  await loadIndicatorCatalog(db);
  const doc = await db
    .insertInto("document")
    .values({
      identity_key: "n:BENCH-REPORTS",
      held: true,
      doc_type: "KH",
      number: "99/KH-BENCH",
      number_key: "99/KH-BENCH",
      title: "Kế hoạch đo báo cáo",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into plan_task (document_id, ref, title, timeframe_text, timeframe, timeframe_kind, source, position)
    select ${doc.id}, 'II.' || g, 'Nhiệm vụ số ' || g || ': nâng cao chất lượng giáo dục vùng đồng bào dân tộc thiểu số',
      'Quý IV năm 2028', '{"kind":"deadline"}', 'deadline', 'table', g from generate_series(1, 500) g`.execute(
    db,
  );
  await sql`with units as (select id, row_number() over (order by id) - 1 as i
      from org_unit where valid_to is null and kind in ('commune', 'ward', 'body') order by id limit 40)
    insert into task_body (task_id, role, text, unit_id, position)
    select t.id, 'lead', u.id::text, u.id, 0 from plan_task t join units u on u.i = t.position % 40
    where t.document_id = ${doc.id}`.execute(db);
  await sql`insert into task_occurrence (task_id, label, kind, period_year, due_on, state, percent, completed_on)
    select t.id, 'Năm 2028', 'deadline', 2028, make_date(2028, 1 + t.position % 12, 28),
      case when t.position % 3 = 0 then 'done' when t.position % 3 = 1 then 'in_progress' else 'not_started' end,
      case when t.position % 3 = 0 then 100 else 40 end,
      case when t.position % 3 = 0 then make_date(2028, 1 + t.position % 12, 28) + (t.position % 20 - 10) else null end
    from plan_task t where t.document_id = ${doc.id}`.execute(db);
  await sql`insert into occurrence_update (occurrence_id, author_name, kind, text, product, on_date)
    select o.id, 'Cán bộ', 'progress', 'Đã triển khai tại ' || o.id || ' trường.', case when o.state = 'done' then 'Báo cáo kết quả' end,
      coalesce(o.completed_on, make_date(2028, 6, 15))
    from task_occurrence o join plan_task t on t.id = o.task_id where t.document_id = ${doc.id}`.execute(db);
  await sql`with ind as (select id, row_number() over (order by id) - 1 as i, count(*) over () as n from indicator),
      units as (select id, row_number() over (order by id) - 1 as i from org_unit where valid_to is null and kind in ('province', 'commune', 'ward'))
    insert into indicator_target (indicator_id, org_unit_id, comparator, value, due_year, label, document_id, baseline_value, baseline_year)
    select ind.id, u.id, '>=', 90, 2030, 'Chỉ tiêu ' || g, ${doc.id}, 80, 2025
    from generate_series(0, 99) g join ind on ind.i = g % ind.n join units u on u.i = g % 39`.execute(db);
  const province = await db
    .selectFrom("org_unit")
    .select("id")
    .where("kind", "=", "province")
    .executeTakeFirstOrThrow();
  const round = await openReportRound(
    db,
    systemActor("Đo"),
    {
      kind: "annual",
      documentId: doc.id,
      year: 2028,
      dueOn: "2028-12-20",
      levelUnitId: province.id,
    },
    NOW,
  );
  await db
    .updateTable("report_submission")
    .set({
      status: "submitted",
      submitted_at: NOW,
      content: JSON.stringify({
        tasks: "Hoàn thành tốt các nhiệm vụ trọng tâm.",
        causes: "Thiếu giáo viên.",
        proposals: "Bổ sung biên chế.",
      }),
    })
    .where("round_id", "=", round.id)
    .execute();
  return { documentId: doc.id, provinceId: province.id, roundId: round.id, asked: round.asked };
}

async function median(label: string, fn: () => Promise<{ docx: number; xlsx: number }>) {
  const times: number[] = [];
  const cpu: number[] = [];
  let sizes = { docx: 0, xlsx: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    sizes = await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)] as number;
  cpu.sort((a, b) => a - b);
  const mc = cpu[Math.floor(cpu.length / 2)] as number;
  console.log(
    `${label}: median ${m.toFixed(0)} ms wall, ${mc.toFixed(0)} ms CPU (min ${times[0]?.toFixed(0)}, max ${times.at(-1)?.toFixed(0)}; DOCX ${(sizes.docx / 1024).toFixed(0)} KB, XLSX ${(sizes.xlsx / 1024).toFixed(0)} KB) ${m < 2000 ? "✓ < 2 s" : "✗ over 2 s"}`,
  );
}

const conn = await openPglite({});
try {
  const t0 = performance.now();
  const ids = await generate(conn.db);
  console.log(
    `data: 500 tasks, 100 targets, ${ids.asked} bodies, a round with ${ids.asked} submitted reports (${(performance.now() - t0).toFixed(0)} ms)`,
  );
  const render = async (input: Parameters<typeof generateReport>[1]) => {
    const model = await generateReport(conn.db, input, NOW);
    const [docx, xlsx] = await Promise.all([reportToDocx(model), reportToXlsx(model)]);
    return { docx: docx.length, xlsx: xlsx.length };
  };
  await median("sơ kết of the plan (500 tasks, 100 targets, 40 bodies)", () =>
    render({
      kind: "review",
      documentId: ids.documentId,
      unitId: ids.provinceId,
      stage: "mid",
      asOf: "2028-12-14",
    }),
  );
  await median(`compiled province report (${ids.asked} submitted reports)`, () =>
    render({ kind: "compiled", roundId: ids.roundId }),
  );
} finally {
  await conn.close();
}
