/**
 * Scheduled DHIS2 exchanges against the in-process stand-in, with an injected clock: a job runs when
 * due and not before, once per interval, under a lease two runners never share; each run is recorded
 * with its summary; a refused login is a recorded error, never a crash, and never shows the secret.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { openTestDb } from "../../db/testing.ts";
import type { Actor } from "../../domain/roles.ts";
import { importDataValueSets } from "../dataValueSets.ts";
import { sealSecret } from "../shared/secretBox.ts";
import { importDhis2Metadata } from "./importDhis2Metadata.ts";
import { listDhis2Jobs } from "./listDhis2Jobs.ts";
import { runDueDhis2Jobs } from "./runDhis2Jobs.ts";
import { createDhis2Job, type Dhis2JobInput, updateDhis2Job } from "./saveDhis2Job.ts";
import { type Dhis2StandIn, startDhis2StandIn } from "./testing/dhis2StandIn.ts";
import { lotrinhAsDhis2, uidOf } from "./testing/lotrinhAsDhis2.ts";

const admin: Actor = { id: null, name: "Quản trị thử", role: "admin", orgUnitId: null };
const TOKEN = "d2pat_bimatcuathu0123456789";
const key = Buffer.alloc(32, 7);
let t: Db;
let server: Dhis2StandIn;
let instanceId: number;
let unit: string;
let clock = new Date("2026-03-10T08:00:00Z");
const now = () => clock;
const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

beforeAll(async () => {
  t = await openTestDb();
  const metadata = await lotrinhAsDhis2(t.db);
  server = await startDhis2StandIn({ metadata, token: TOKEN });
  instanceId = (await importDhis2Metadata(t.db, admin, { name: "bo", url: server.url, metadata })).instanceId;
  const binhLu = await t.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", "Xã Bình Lư")
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  unit = uidOf("U", binhLu.id);
  const den = await t.db
    .selectFrom("indicator as i")
    .innerJoin("data_element as d", "d.id", "i.denominator_id")
    .select("d.code")
    .where("i.code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  const sent = await importDataValueSets(
    t.db,
    admin,
    { dataValues: [{ dataElement: den.code, period: "2025", orgUnit: unit, value: "60" }] },
    { dataElementIdScheme: "CODE" },
  );
  expect(sent.importCount.imported).toBe(1);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const job = (over: Partial<Dhis2JobInput> = {}): Dhis2JobInput => ({
  name: "Gửi năm",
  instanceId,
  direction: "push",
  url: server.url,
  authKind: "token",
  secret: TOKEN,
  orgUnitRoot: unit,
  periodRule: "LAST_YEAR",
  everyMinutes: 60,
  ...over,
});

describe("scheduled DHIS2 exchange", () => {
  it("a push runs when due, once per interval, and its run is recorded with the summary", async () => {
    const created = await createDhis2Job(t.db, admin, job(), now(), key);
    const first = await runDueDhis2Jobs(t.db, { now, owner: "a", key });
    expect(first).toEqual([{ jobId: created.id, runId: expect.any(Number), status: "success" }]);
    expect([...server.values.values()].map((v) => [v.period, v.orgUnit, v.value])).toEqual([
      ["2025", unit, "60"],
    ]);
    expect(await runDueDhis2Jobs(t.db, { now, owner: "a", key })).toEqual([]);
    later(59);
    expect(await runDueDhis2Jobs(t.db, { now, owner: "a", key })).toEqual([]);
    later(1);
    expect(await runDueDhis2Jobs(t.db, { now, owner: "a", key })).toHaveLength(1);
    const [listed] = await listDhis2Jobs(t.db);
    expect(listed?.runs.map((r) => [r.status, r.periods, r.imported, r.updated, r.conflicts])).toEqual([
      ["success", ["2025"], 0, 1, 0],
      ["success", ["2025"], 1, 0, 0],
    ]);
    expect(listed?.nextRunAt).toBe(new Date(clock.getTime() + 60 * 60_000).toISOString());
  });

  it("two runners at once run a due job once; a live lease is respected, a dead one taken over", async () => {
    later(60);
    const both = await Promise.all([
      runDueDhis2Jobs(t.db, { now, owner: "a", key }),
      runDueDhis2Jobs(t.db, { now, owner: "b", key }),
    ]);
    expect(both.flat()).toHaveLength(1);
    later(60);
    // another process holds the job (it started and has not finished): not run again
    await t.db
      .updateTable("dhis2_job")
      .set({ lease_owner: "elsewhere", lease_until: new Date(clock.getTime() + 60_000) })
      .execute();
    expect(await runDueDhis2Jobs(t.db, { now, owner: "a", key })).toEqual([]);
    // that process died: its lease runs out and the job is taken over
    later(2);
    expect(await runDueDhis2Jobs(t.db, { now, owner: "a", key })).toHaveLength(1);
  });

  it("a refused login is a recorded error, the runner goes on, the secret is never shown", async () => {
    const [listed] = await listDhis2Jobs(t.db);
    if (!listed) throw new Error("no job");
    await updateDhis2Job(
      t.db,
      admin,
      listed.id,
      job({ secret: "d2pat_saimatkhau_987654", version: listed.version }),
      key,
    );
    later(60);
    const ran = await runDueDhis2Jobs(t.db, { now, owner: "a", key });
    expect(ran.map((r) => r.status)).toEqual(["error"]);
    const [after] = await listDhis2Jobs(t.db);
    expect(after?.runs[0]?.message).toMatch(/DHIS2/);
    const shown = JSON.stringify(await listDhis2Jobs(t.db));
    expect(shown).not.toContain("d2pat_saimatkhau_987654");
    expect(shown).not.toContain(TOKEN);
    const audits = JSON.stringify(
      await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "dhis2_job").execute(),
    );
    expect(audits).not.toContain("d2pat_");
    // the next interval is still scheduled
    expect(after?.nextRunAt).toBe(new Date(clock.getTime() + 60 * 60_000).toISOString());
  });

  it("a pull of the last completed year brings DHIS2's values into Lộ Trình", async () => {
    await t.db.deleteFrom("data_value").execute();
    await createDhis2Job(t.db, admin, job({ name: "Lấy năm", direction: "pull" }), now(), key);
    const ran = await runDueDhis2Jobs(t.db, { now, owner: "a", key });
    expect(ran.map((r) => r.status)).toEqual(["success"]);
    const pulled = (await listDhis2Jobs(t.db)).find((j) => j.name === "Lấy năm");
    expect(pulled?.runs[0]).toMatchObject({ status: "success", imported: 1, periods: ["2025"] });
    const values = await t.db.selectFrom("data_value").select("value").execute();
    expect(values.map((v) => Number(v.value))).toEqual([60]);
  });

  it("the secret is stored sealed; under another server key a run is a recorded error asking for it again", async () => {
    const stored = await t.db.selectFrom("dhis2_job").select(["name", "secret"]).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.secret).toMatch(/^v1:/);
      expect(row.secret).not.toContain("d2pat_");
    }
    await t.db
      .updateTable("dhis2_job")
      .set({ secret: sealSecret(TOKEN, Buffer.alloc(32, 9)) })
      .execute();
    later(24 * 60);
    const ran = await runDueDhis2Jobs(t.db, { now, owner: "a", key });
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.every((r) => r.status === "error")).toBe(true);
    const [first] = await listDhis2Jobs(t.db);
    expect(first?.runs[0]?.message).toMatch(/nhập lại mật khẩu/);
  });

  it("a job is refused without a secret, for an unknown instance, or with a taken name", async () => {
    await expect(
      createDhis2Job(t.db, admin, job({ name: "Khác", secret: undefined }), now(), key),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      createDhis2Job(t.db, admin, job({ name: "Khác", instanceId: 9999 }), now(), key),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createDhis2Job(t.db, admin, job(), now(), key)).rejects.toMatchObject({ code: "DUPLICATE" });
    await expect(
      createDhis2Job(t.db, admin, job({ name: "Khác", authKind: "basic", username: null }), now(), key),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
