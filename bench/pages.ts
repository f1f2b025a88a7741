import { performance } from "node:perf_hooks";
import { type KyselyPlugin, sql } from "kysely";
import { loadConfig } from "../src/config.ts";
import { rebuildRollups } from "../src/db/repositories/rollupRepository.ts";
import { systemActor } from "../src/domain/roles.ts";
import { buildApp } from "../src/server/app.ts";
import { createUser } from "../src/usecases/createUser.ts";
import { benchDatabase, COMMUNES, createNationalMap, PROVINCES } from "./nationalMap.ts";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 45_000);
const PERIODS = 10;
const TASKS = Number(process.env.BENCH_TASKS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TODAY = "2030-01-01";

const bench = await benchDatabase("lotrinh_bench_pages");
const { db } = bench;

const t0 = performance.now();
await createNationalMap(db, SCHOOLS);
// schools of every level, as their names say, and a rate about primary and lower-secondary schools:
// a kindergarten or an upper-secondary school is never asked for it, so coverage leaves it out
await sql`update org_unit set full_name = 'Trường ' || (array['Mầm non', 'Tiểu học', 'THCS', 'THPT'])[1 + id % 4] || ' số ' || id
  where kind = 'school'`.execute(db);
await sql`insert into data_element (id, code, name, level, education_levels)
  values (1, 'NUM', 'Tử số đo', 'school', '["primary", "lower_secondary"]'),
         (2, 'DEN', 'Mẫu số đo', 'school', '["primary", "lower_secondary"]')`.execute(db);
await sql`insert into period (id, code, kind, name, start_date, end_date)
  select g, (2019 + g) || 'SY', 'school_year', 'Năm học ' || (2019 + g), make_date(2019 + g, 9, 1), make_date(2020 + g, 5, 31)
  from generate_series(1, ${PERIODS}) g`.execute(db);
const indicator = await sql<{
  id: number;
}>`insert into indicator (code, name, unit, type, level, numerator_id, denominator_id)
  values ('BENCH', 'Tỷ lệ đo', '%', 'rate', 'school', 1, 2) returning id`.execute(db);
const indicatorId = indicator.rows[0]?.id as number;
await sql`insert into indicator_target (indicator_id, org_unit_id, comparator, value, due_year, label)
  select ${indicatorId}, 1 + g, '>=', 90, 2030, 'Tỷ lệ đo — Tỉnh ' || g from generate_series(0, ${PROVINCES}) g`.execute(
  db,
);
await sql`insert into data_value (element_id, period_id, org_unit_id, value)
  select e, p, 100000 + s, case when e = 1 then 80 + (s % 20) else 100 end
  from generate_series(1, ${SCHOOLS}) s cross join generate_series(1, 2) e cross join generate_series(1, ${PERIODS}) p`.execute(
  db,
);
await sql`insert into document (identity_key, held, doc_type, number, number_key, title)
  select 'n:PAGES' || g, true, 'KH', g || '/KH-DO', g || '/KH-DO', 'Kế hoạch sinh ra để đo ' || g from generate_series(1, 50) g`.execute(
  db,
);
await sql`insert into plan_task (document_id, ref, title, timeframe_text, timeframe, timeframe_kind, source, position, search_key)
  select (select min(id) from document) + (g % 50), 'T' || g, 'Nhiệm vụ số ' || g, 'Hằng năm', '{"kind":"recurring"}', 'recurring', 'table', g, 't' || g
  from generate_series(1, ${TASKS}) g`.execute(db);
await sql`insert into task_body (task_id, role, text, unit_id, position)
  select t.id, 'lead', 'Xã', 1001 + (t.id % ${COMMUNES}), 0 from plan_task t`.execute(db);
await sql`insert into task_occurrence (task_id, label, kind, period_year, due_on, state, percent, completed_on)
  select t.id, 'Năm ' || y, 'yearly', y, make_date(y, 12, 31),
    case when (t.id + y) % 3 = 0 and y < 2029 then 'done' else 'not_started' end,
    case when (t.id + y) % 3 = 0 and y < 2029 then 100 else 0 end,
    case when (t.id + y) % 3 = 0 and y < 2029 then make_date(y, 12, 20) else null end
  from plan_task t cross join generate_series(2025, 2029) y`.execute(db);
await rebuildRollups(db, TODAY);
await sql`analyze`.execute(db);
console.log(
  `Dữ liệu: ${PROVINCES} tỉnh, ${COMMUNES.toLocaleString("vi-VN")} xã, ${SCHOOLS.toLocaleString("vi-VN")} trường, ${(SCHOOLS * 2 * PERIODS).toLocaleString("vi-VN")} số liệu, ${TASKS.toLocaleString("vi-VN")} nhiệm vụ × 5 năm (sinh trong ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
);

// every statement the server sends goes through this plugin: the bench prints how many a page costs
let statements = 0;
const counter: KyselyPlugin = {
  transformQuery(args) {
    statements++;
    return args.node;
  },
  async transformResult(args) {
    return args.result;
  },
};
const app = await buildApp(
  {
    db: db.withPlugin(counter),
    dbKind: "postgres",
    // the read cache off: each request computes its page (a cached answer is measured by bench:load)
    config: { ...loadConfig({}), dataDir: "/tmp", readCacheMs: 0 },
    now: () => new Date(`${TODAY}T09:00:00+07:00`),
  },
  { serveWeb: false },
);
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const password = "mat-khau-do-toc-do-trang-2030";
await createUser(db, systemActor("Đo tốc độ"), {
  username: "do.trang",
  displayName: "Đo tốc độ trang",
  password,
  role: "admin",
  orgUnitId: null,
});
const login = await fetch(`${base}/api/session`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "do.trang", password }),
});
const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
if (!login.ok || !cookie) throw new Error(`sign-in failed: HTTP ${login.status}`);

async function median(path: string): Promise<{ ms: number; statements: number }> {
  const once = async () => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
  };
  const before = statements;
  await once();
  const perRequest = statements - before;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, statements: perRequest };
}

const periods = Array.from({ length: PERIODS }, (_, i) => i + 1).join(",");
const pages: [string, string][] = [
  ["Mục tiêu (tổng quan chỉ tiêu)", "/api/targets"],
  ["Tổng quan lãnh đạo", "/api/overview"],
  [
    "Chi tiết chỉ tiêu: một tỉnh, từng xã",
    `/api/indicators/${indicatorId}/values?unitId=2&periodIds=${periods}&children=true`,
  ],
  [
    "Chi tiết chỉ tiêu: một xã, từng trường",
    `/api/indicators/${indicatorId}/values?unitId=1001&periodIds=${periods}&children=true`,
  ],
  ["Chi tiết chỉ tiêu: toàn quốc", `/api/indicators/${indicatorId}/values?unitId=1&periodIds=${periods}`],
  ["Bảng điểm", "/api/scoreboard"],
  ["Sổ nhiệm vụ: quá hạn", "/api/tasks?timeliness=overdue&page=1&pageSize=50"],
  ["Sổ nhiệm vụ: một xã", "/api/tasks?unitId=1001&includeDone=true&page=1&pageSize=50"],
  ["Bảng điểm tại 30/06/2025", "/api/scoreboard?asOf=2025-06-30"],
  ["Tổng quan tại 30/06/2025", "/api/overview?asOf=2025-06-30"],
  [
    "Chi tiết chỉ tiêu một tỉnh tại 30/06/2025",
    `/api/indicators/${indicatorId}/values?unitId=2&periodIds=${periods}&children=true&asOf=2025-06-30`,
  ],
];
console.log(`\nTrung vị qua HTTP (${RUNS} lần mỗi trang, PostgreSQL, mục tiêu < 100 ms):`);
for (const [label, path] of pages) {
  try {
    const { ms, statements: n } = await median(path);
    console.log(
      `  ${label.padEnd(44)} ${ms.toFixed(1).replace(".", ",").padStart(8)} ms ${String(n).padStart(4)} câu SQL${ms >= 100 ? "  (chậm hơn mục tiêu)" : ""}`,
    );
  } catch (e) {
    console.log(`  ${label.padEnd(44)} lỗi: ${(e as Error).message}`);
  }
}
await app.close();
await bench.drop();
