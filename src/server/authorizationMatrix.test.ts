import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { makePdf } from "../import/testing/fixtures.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { openReportRound } from "../usecases/openReportRound.ts";
import { saveTarget } from "../usecases/saveTarget.ts";
import {
  CALLERS,
  type Caller,
  type Fixture,
  HIDDEN_ROUTES,
  MATRIX,
  type MatrixRow,
  type Probe,
} from "./authorizationMatrix.rows.ts";
import {
  type Client,
  createTestApp,
  multipartFile,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  unitIdByName,
} from "./testing.ts";

/*
 * Every route the app serves, probed as six callers on demo-like data (the real plans of the
 * province and of Xã Bình Lư, a target per commune, a report with a file). Rows: authorizationMatrix.rows.ts.
 */
const PLANS = path.resolve(import.meta.dirname, "../../demo/plans");
const USERNAMES: Record<Exclude<Caller, "anon">, string> = {
  own: "canbo.binhlu",
  other: "canbo.namcuoi",
  leader: "lanhdao",
  coordinator: "dieuphoi",
  admin: "quantri",
};

let t: TestApp;
let f: Fixture;
const clients = {} as Record<Exclude<Caller, "anon">, Client>;
let ownScope: { binhLuDoc: number; namCuoi: number; binhLu: number };

async function importPlan(prefix: string) {
  const name = fs.readdirSync(PLANS).find((n) => n.startsWith(prefix)) as string;
  const text = fs.readFileSync(path.join(PLANS, name), "utf8");
  const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
  const plan = draftToConfirmed(draft, { name, format: "text", text });
  const { documentId } = await importPlanDocument(t.db.db, systemActor("Kiểm thử"), plan);
  return { documentId, plan };
}

/** Sends a probe as a caller: no cookie for anonymous, the session's cookie and CSRF token otherwise. */
async function send(method: string, probe: Probe, who: Caller, client?: Client) {
  const c = who === "anon" ? undefined : (client ?? clients[who]);
  const headers: Record<string, string> = c ? { cookie: c.cookie, "x-csrf-token": c.csrf } : {};
  if (probe.file) {
    const mp = multipartFile(probe.file.name, probe.file.content);
    return t.app.inject({
      method: method as "POST",
      url: probe.url,
      payload: mp.payload,
      headers: { ...headers, ...mp.headers },
    });
  }
  return t.app.inject({
    method: method as "GET",
    url: probe.url,
    headers,
    ...(probe.body === undefined ? {} : { payload: probe.body as object }),
  });
}

/** A second session of the same account (for logging out without losing the first). */
async function freshClient(who: Exclude<Caller, "anon">): Promise<Client> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username: USERNAMES[who], password: TEST_PASSWORD },
  });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return { ...clients[who], cookie, csrf: res.json().csrfToken };
}

beforeAll(async () => {
  t = await createTestApp(new Date("2026-07-01T03:00:00Z"));
  const db = t.db.db;
  await importPlan("000_");
  const binhLuPlan = await importPlan("003_");
  const binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  const namCuoi = await unitIdByName(t.db, "Xã Nậm Cuổi");
  clients.own = await signIn(t, USERNAMES.own, "officer", binhLu);
  clients.other = await signIn(t, USERNAMES.other, "officer", namCuoi);
  clients.leader = await signIn(t, USERNAMES.leader, "leader");
  clients.coordinator = await signIn(t, USERNAMES.coordinator, "coordinator");
  clients.admin = await signIn(t, USERNAMES.admin, "admin");
  const indicator = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  const period = await db
    .selectFrom("period")
    .select("id")
    .where("code", "=", "2025SY")
    .executeTakeFirstOrThrow();
  const mine = (await clients.own.request("GET", "/api/tasks?pageSize=500")).json().rows as {
    id: number;
    task_id: number;
    version: number;
  }[];
  const occ = mine[0] as (typeof mine)[number];
  const actor = systemActor("Kiểm thử");
  const target = (label: string, unitId: number) =>
    saveTarget(db, actor, { indicatorId: indicator.id, unitId, value: 95, dueYear: 2030, label });
  const own = await target("Mục tiêu của Bình Lư", binhLu);
  await target("Mục tiêu của Nậm Cuổi", namCuoi);
  const mp = multipartFile("bao-cao.pdf", makePdf(["Bao cao tien do"]));
  const boundary = `--${mp.headers["content-type"].split("boundary=")[1]}`;
  const field = (name: string, value: string | number) =>
    Buffer.from(`${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const report = await t.app.inject({
    method: "POST",
    url: `/api/occurrences/${occ.id}/updates`,
    headers: { cookie: clients.own.cookie, "x-csrf-token": clients.own.csrf, ...mp.headers },
    payload: Buffer.concat([field("version", occ.version), field("text", "Đang triển khai"), mp.payload]),
  });
  expect(report.statusCode, report.body).toBeLessThan(300);
  // a saved form, so that a review with a stale version meets the version check
  const saved = await clients.own.request("PUT", `/api/forms/${binhLu}/${period.id}`, {
    version: 0,
    values: [],
  });
  expect(saved.statusCode, saved.body).toBeLessThan(300);
  const attachment = await db
    .selectFrom("attachment")
    .select("id")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const round = await openReportRound(
    db,
    actor,
    {
      kind: "six_month",
      documentId: binhLuPlan.documentId,
      year: 2026,
      dueOn: "2026-06-20",
      levelUnitId: binhLu,
      unitIds: [binhLu],
    },
    t.app.deps.now(),
  );
  const submission = await db
    .selectFrom("report_submission")
    .select("id")
    .where("round_id", "=", round.id)
    .executeTakeFirstOrThrow();
  f = {
    round: round.id,
    submission: submission.id,
    unit: binhLu,
    otherUnit: namCuoi,
    period: period.id,
    indicator: indicator.id,
    indicatorVersion: indicator.version,
    document: binhLuPlan.documentId,
    task: occ.task_id,
    occurrence: occ.id,
    attachment: attachment.id,
    target: (own as { id: number }).id,
    someUser: clients.other.userId,
    plan: binhLuPlan.plan,
  };
  ownScope = { binhLuDoc: binhLuPlan.documentId, namCuoi, binhLu };
}, 180_000);
afterAll(() => t?.close());

/** Lists and exports: nothing of another unit reaches an officer. */
function checkRows(kind: NonNullable<MatrixRow["rows"]>, who: Caller, body: string) {
  if (who !== "own" && who !== "other") return;
  const foreign = who === "own" ? "Nậm Cuổi" : "Bình Lư";
  if (kind === "taskCsv") {
    const lines = body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)
      .slice(1);
    if (who === "own") expect(lines.length).toBeGreaterThan(0);
    else expect(lines).toEqual([]);
    for (const line of lines) expect(line).toContain("Bình Lư");
    return;
  }
  const json = JSON.parse(body);
  if (kind === "tasks") {
    const rows = json.rows as { document_id: number }[];
    if (who === "own") expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.document_id).toBe(ownScope.binhLuDoc);
    if (who === "other") expect(rows).toEqual([]);
  }
  if (kind === "scoreboard")
    for (const r of json.rows as { unit_name: string }[]) expect(r.unit_name).not.toContain(foreign);
  if (kind === "targets") {
    const units = (json.targets as { org_unit_id: number }[]).map((x) => x.org_unit_id);
    expect(units.length).toBeGreaterThan(0);
    expect(units).not.toContain(who === "own" ? ownScope.namCuoi : ownScope.binhLu);
  }
  if (kind === "members")
    for (const m of json.members as { org_unit_id: number }[]) expect(m.org_unit_id).toBe(ownScope.binhLu);
}

/** Fastify's /api/x/:id as OpenAPI's /api/x/{id}. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

describe("authorization matrix", () => {
  it("every route served is in /api/openapi.json, or listed as hidden with a reason", async () => {
    const served = t.app.routeList
      .filter((r) => r.url.startsWith("/api/"))
      .map((r) => ({ key: `${r.method} ${openApiPath(r.url)}`, hidden: r.hidden }));
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const described = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const missing = served
      .filter((r) => !described.has(r.key) && !(r.key in HIDDEN_ROUTES))
      .map((r) => r.key);
    expect(missing, "routes hidden from OpenAPI without a reason in HIDDEN_ROUTES").toEqual([]);
    expect(served.length).toBeGreaterThan(40);
  });

  it("every route in /api/openapi.json has a row (a new route cannot slip in unprobed)", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const keys = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const withoutRow = keys.filter((k) => !(k in MATRIX));
    expect(
      withoutRow,
      `add a row to src/server/authorizationMatrix.rows.ts for: ${withoutRow.join(", ")}`,
    ).toEqual([]);
    const stale = Object.keys(MATRIX).filter((k) => !keys.includes(k));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
  });

  const all = {
    ...MATRIX,
    ...Object.fromEntries(
      Object.entries(HIDDEN_ROUTES).map(([k, v]) => [
        k,
        { probe: () => ({ url: k.split(" ")[1] as string }), expect: v.expect },
      ]),
    ),
  };
  for (const [key, row] of Object.entries(all) as [string, MatrixRow][]) {
    it(key, async () => {
      const [method] = key.split(" ") as [string];
      const got: Record<string, number> = {};
      for (const who of CALLERS) {
        const client = key === "DELETE /api/session" && who !== "anon" ? await freshClient(who) : undefined;
        const res = await send(method, row.probe(f, who), who, client);
        got[who] = res.statusCode;
        if (row.rows && res.statusCode === 200) checkRows(row.rows, who, res.body);
      }
      expect(got).toEqual(row.expect);
    });
  }
});
