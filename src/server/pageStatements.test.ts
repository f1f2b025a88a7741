import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureRollups } from "../db/repositories/rollupRepository.ts";
import { DEMO_PLANS } from "../paths.ts";
import { loadDemoPlans } from "../usecases/loadDemoPlans.ts";
import { loadSampleFigures } from "../usecases/loadSampleFigures.ts";
import { loadSampleSchools } from "../usecases/loadSampleSchools.ts";
import { statementCounter } from "./testing/statementCounter.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/*
 * The pages people open under load cost a fixed, small number of SQL statements, whatever the number
 * of targets, plans or units (counted through a Kysely plugin on the app's connection, as
 * bench/loadProfile.ts counts them). A per-target or per-plan read that comes back fails here.
 *
 * The overview: the documents, links and calendar (1), the four readings of history of the task figures
 * (4, scoreboardQueries.occurrencesAsOf — the scoreboard strand's), the targets (1), the plans'
 * contents (1), the forms' status (1, whole province only), the totals (1), the coverage (1; a date the
 * stored map does not describe reads the schools not asked for too).
 */
const OVERVIEW = 10;
const OVERVIEW_AS_OF_PAST = 11;
/** The targets with the calendar (1), the totals (1), the coverage (1). */
const TARGETS = 3;
/** The unit (authorization, 1), the indicator with the rollups' state (1), the totals (1), the units' names (1). */
const VALUES = 4;

const seen: string[] = [];

let t: TestApp;
let admin: Client;
let leader: Client;
let officer: Client;
let coordinator: Client;
let ids: { province: number; binhLu: number; indicator: number; periods: string };

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"), undefined, (db) => statementCounter(db, seen));
  const db = t.db.db;
  await loadDemoPlans(db, DEMO_PLANS);
  await loadSampleSchools(db);
  await loadSampleFigures(db);
  await ensureRollups(db, "2026-03-01");
  const binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  admin = await signIn(t, "quantri", "admin");
  leader = await signIn(t, "lanhdao", "leader");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo.binhlu", "officer", binhLu);
  const province = await db
    .selectFrom("org_unit")
    .select("id")
    .where("kind", "=", "province")
    .executeTakeFirstOrThrow();
  const indicator = await db
    .selectFrom("indicator")
    .select("id")
    .where("code", "=", "NQ06-THPT")
    .executeTakeFirstOrThrow();
  const periods = await db.selectFrom("period").select("id").where("kind", "=", "school_year").execute();
  ids = {
    province: province.id,
    binhLu,
    indicator: indicator.id,
    periods: periods.map((p) => p.id).join(","),
  };
}, 180_000);
afterAll(() => t?.close());

/** The statements one request runs (after one request that warms the session and scope caches). */
async function statementsOf(client: Client, url: string): Promise<number> {
  expect((await client.request("GET", url)).statusCode).toBe(200);
  seen.length = 0;
  const res = await client.request("GET", url);
  expect(res.statusCode, res.body).toBe(200);
  return seen.length;
}

/** Adds targets of every form: for a unit (entered figures, hence coverage) and for every commune. */
async function addTargets(n: number) {
  for (let i = 0; i < n; i++) {
    const res = await coordinator.request("POST", "/api/targets", {
      indicatorId: ids.indicator,
      unitId: i % 3 === 1 ? ids.binhLu : ids.province,
      scope: i % 3 === 0 ? "each_commune" : "unit",
      comparator: ">=",
      value: 50 + i,
      dueYear: 2030,
      label: `Mục tiêu đếm câu lệnh số ${i + 1}`,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}

describe("statements per page", () => {
  it("the overview, the targets and an indicator's values cost a fixed number of statements", async () => {
    const overview = await statementsOf(admin, "/api/overview");
    expect(overview).toBeLessThanOrEqual(OVERVIEW);
    expect(await statementsOf(leader, "/api/overview")).toBe(overview);
    // an officer's overview has no forms' status: one fewer
    expect(await statementsOf(officer, "/api/overview")).toBe(overview - 1);
    const past = await statementsOf(admin, "/api/overview?asOf=2025-06-30");
    expect(past).toBeLessThanOrEqual(OVERVIEW_AS_OF_PAST);
    const targets = await statementsOf(admin, "/api/targets");
    expect(targets).toBeLessThanOrEqual(TARGETS);
    expect(await statementsOf(officer, `/api/targets?unitId=${ids.binhLu}`)).toBeLessThanOrEqual(TARGETS);
    const drill = `/api/indicators/${ids.indicator}/values?unitId=${ids.province}&periodIds=${ids.periods}&children=true`;
    const values = await statementsOf(leader, drill);
    expect(values).toBeLessThanOrEqual(VALUES);

    // twelve more targets (every form) change nothing: no read per target, per unit or per plan
    await addTargets(12);
    expect(await statementsOf(admin, "/api/overview")).toBe(overview);
    expect(await statementsOf(admin, "/api/overview?asOf=2025-06-30")).toBe(past);
    expect(await statementsOf(admin, "/api/targets")).toBe(targets);
    expect(await statementsOf(leader, drill)).toBe(values);
  }, 120_000);
});
