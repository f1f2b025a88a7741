import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetKeysBefore } from "../db/repositories/idempotencyRepository.ts";
import { insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { makePdf } from "../import/testing/fixtures.ts";
import { insertOneTaskPlan } from "./testing/oneTaskPlan.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

/**
 * A send repeated with the same Idempotency-Key (a phone retrying a form save or a progress report it
 * queued offline) writes once and gets the first answer; a key is one person's, for one request. On
 * PostgreSQL two sends of one key really race; the embedded database serializes them.
 */
let t: TestApp;
let binhLu: Client;
let namCuoi: Client;
let ids: { binhLu: number; namCuoi: number; sy2025: number; sy2024: number; element: number; body: number };
let keySeq = 0;
const newKey = () => `khoa-thu-nghiem-${process.pid}-${++keySeq}-${Date.now()}`;

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  const db = t.db.db;
  const period = async (code: string) =>
    (await db.selectFrom("period").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const indicator = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  ids = {
    binhLu: await unitIdByName(t.db, "Xã Bình Lư"),
    namCuoi: await unitIdByName(t.db, "Xã Nậm Cuổi"),
    sy2025: await period("2025SY"),
    sy2024: await period("2024SY"),
    element: indicator.denominator_id as number,
    body: await insertUnit(db, { code: null, kind: "body", name: "Sở Gửi Lại", fullName: "Sở Gửi Lại" }),
  };
  binhLu = await signIn(t, "canbo.binhlu", "officer", ids.binhLu);
  namCuoi = await signIn(t, "canbo.namcuoi", "officer", ids.namCuoi);
});
afterAll(() => t.close());

const putForm = (c: Client, unit: number, period: number, version: number, value: number, key?: string) =>
  t.app.inject({
    method: "PUT",
    url: `/api/forms/${unit}/${period}`,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf, ...(key ? { "idempotency-key": key } : {}) },
    payload: { version, values: [{ elementId: ids.element, value, comment: null }], submit: false },
  });

const formVersion = async (unit: number, period: number) =>
  (
    await t.db.db
      .selectFrom("form_status")
      .select("version")
      .where("org_unit_id", "=", unit)
      .where("period_id", "=", period)
      .executeTakeFirst()
  )?.version ?? 0;

const auditCount = async (action: string) =>
  Number(
    (
      await t.db.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`form saves with an idempotency key (${process.env.TEST_DB})`, () => {
  it("a repeated save gets the first answer, marked replayed, and writes nothing more", async () => {
    const v = await formVersion(ids.binhLu, ids.sy2025);
    const audits = await auditCount("figures.save");
    const key = newKey();
    const first = await putForm(binhLu, ids.binhLu, ids.sy2025, v, 120, key);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(v + 1);
    expect(first.json().replayed).toBeUndefined();
    const again = await putForm(binhLu, ids.binhLu, ids.sy2025, v, 120, key);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    expect(await formVersion(ids.binhLu, ids.sy2025)).toBe(v + 1);
    expect(await auditCount("figures.save")).toBe(audits + 1);
    // without a key the same send meets the version check
    expect((await putForm(binhLu, ids.binhLu, ids.sy2025, v, 120)).statusCode).toBe(409);
  });

  it("a send that failed (stale version) leaves its key free: the corrected send with it is saved", async () => {
    const v = await formVersion(ids.binhLu, ids.sy2025);
    const key = newKey();
    const stale = await putForm(binhLu, ids.binhLu, ids.sy2025, v + 5, 130, key);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("CONFLICT_VERSION");
    const fixed = await putForm(binhLu, ids.binhLu, ids.sy2025, v, 130, key);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().replayed).toBeUndefined();
    expect(await formVersion(ids.binhLu, ids.sy2025)).toBe(v + 1);
  });

  it("a key is good for one request: another form with it is refused; another person's key is theirs", async () => {
    const key = newKey();
    const v = await formVersion(ids.binhLu, ids.sy2025);
    expect((await putForm(binhLu, ids.binhLu, ids.sy2025, v, 140, key)).statusCode).toBe(200);
    const other = await putForm(
      binhLu,
      ids.binhLu,
      ids.sy2024,
      await formVersion(ids.binhLu, ids.sy2024),
      1,
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe("IDEMPOTENCY_KEY_REUSED");
    const before = await formVersion(ids.namCuoi, ids.sy2025);
    const theirs = await putForm(namCuoi, ids.namCuoi, ids.sy2025, before, 50, key);
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.json().replayed).toBeUndefined();
    expect(await formVersion(ids.namCuoi, ids.sy2025)).toBe(before + 1);
  });

  it("a malformed key is refused before anything is written", async () => {
    const v = await formVersion(ids.binhLu, ids.sy2025);
    for (const bad of ["ngan", "có dấu-tiếng-việt-rất-dài", "x".repeat(101)]) {
      const res = await putForm(binhLu, ids.binhLu, ids.sy2025, v, 1, bad);
      expect(res.statusCode, bad).toBe(400);
    }
    expect(await formVersion(ids.binhLu, ids.sy2025)).toBe(v);
    // the shortest and longest accepted keys
    for (const good of ["a".repeat(16), "b".repeat(100)]) {
      const res = await putForm(
        binhLu,
        ids.binhLu,
        ids.sy2025,
        await formVersion(ids.binhLu, ids.sy2025),
        2,
        good,
      );
      expect(res.statusCode, good).toBe(200);
    }
  });

  it("two sends of one key at once: one save, both get its answer", async () => {
    for (let round = 0; round < 5; round++) {
      const v = await formVersion(ids.binhLu, ids.sy2025);
      const audits = await auditCount("figures.save");
      const key = newKey();
      const [a, b] = await Promise.all([
        putForm(binhLu, ids.binhLu, ids.sy2025, v, 200 + round, key),
        putForm(binhLu, ids.binhLu, ids.sy2025, v, 200 + round, key),
      ]);
      expect([a?.statusCode, b?.statusCode], `${a?.body} ${b?.body}`).toEqual([200, 200]);
      const answers = [a, b].map((r) => r?.json());
      expect(answers.filter((x) => x.replayed === true)).toHaveLength(1);
      expect(answers.map(({ replayed: _, ...rest }) => rest)).toEqual([
        { status: "draft", version: v + 1, warnings: answers[0].warnings },
        { status: "draft", version: v + 1, warnings: answers[0].warnings },
      ]);
      expect(await formVersion(ids.binhLu, ids.sy2025)).toBe(v + 1);
      expect(await auditCount("figures.save")).toBe(audits + 1);
    }
  });
});

/** A task led by the officer's commune, with one occurrence. */
async function newOccurrence(ref: string): Promise<number> {
  const made = await insertOneTaskPlan(t.db.db, "gui-lai", ref, {
    unit: ids.binhLu,
    text: "UBND xã Bình Lư",
  });
  return made.occurrenceId;
}

/** A progress report with one PDF, as the page sends it (multipart). */
function postReport(occurrenceId: number, version: number, text: string, key?: string) {
  const mp = multipartFile("anh-hien-truong.pdf", makePdf(["Bao cao tien do"]), "files");
  const boundary = `--${mp.headers["content-type"].split("boundary=")[1]}`;
  const field = (name: string, value: string | number) =>
    Buffer.from(`${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return t.app.inject({
    method: "POST",
    url: `/api/occurrences/${occurrenceId}/updates`,
    headers: {
      cookie: binhLu.cookie,
      "x-csrf-token": binhLu.csrf,
      ...mp.headers,
      ...(key ? { "idempotency-key": key } : {}),
    },
    payload: Buffer.concat([
      field("version", version),
      field("text", text),
      field("percent", 40),
      mp.payload,
    ]),
  });
}

async function reportsOf(occurrenceId: number) {
  const updates = await t.db.db
    .selectFrom("occurrence_update")
    .select("id")
    .where("occurrence_id", "=", occurrenceId)
    .where("kind", "=", "progress")
    .execute();
  const attachments = await t.db.db
    .selectFrom("attachment")
    .select("stored_name")
    .where("update_id", "in", updates.map((u) => u.id).concat(-1))
    .execute();
  return { updates: updates.length, attachments: attachments.map((a) => a.stored_name) };
}

const storedFiles = () => {
  const dir = path.join(t.app.deps.config.dataDir, "files");
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true })
        .filter((f) => !fs.statSync(path.join(dir, String(f))).isDirectory()).length
    : 0;
};

describe(`progress reports with an idempotency key (${process.env.TEST_DB})`, () => {
  it("a repeated report with its file is kept once; the repeat's file copy is not left behind", async () => {
    const id = await newOccurrence("G1");
    const files = storedFiles();
    const key = newKey();
    const first = await postReport(id, 1, "Đã tổ chức tập huấn", key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await postReport(id, 1, "Đã tổ chức tập huấn", key);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().replayed).toBe(true);
    expect(again.json().updateId).toBe(first.json().updateId);
    const kept = await reportsOf(id);
    expect(kept.updates).toBe(1);
    expect(kept.attachments).toHaveLength(1);
    expect(storedFiles()).toBe(files + 1);
    // without the key the repeat meets the version check
    expect((await postReport(id, 1, "Đã tổ chức tập huấn")).statusCode).toBe(409);
    expect((await reportsOf(id)).updates).toBe(1);
  });

  it("two sends of one report at once: one timeline entry, one attachment", async () => {
    for (let round = 0; round < 4; round++) {
      const id = await newOccurrence(`G2-${round}`);
      const key = newKey();
      const [a, b] = await Promise.all([
        postReport(id, 1, "Báo cáo gửi hai lần", key),
        postReport(id, 1, "Báo cáo gửi hai lần", key),
      ]);
      expect([a?.statusCode, b?.statusCode], `${a?.body} ${b?.body}`).toEqual([201, 201]);
      expect([a?.json().replayed, b?.json().replayed].filter(Boolean)).toEqual([true]);
      expect(a?.json().updateId).toBe(b?.json().updateId);
      const kept = await reportsOf(id);
      expect(kept.updates).toBe(1);
      expect(kept.attachments).toHaveLength(1);
    }
  });

  it("the key of a form save cannot be replayed on a report", async () => {
    const key = newKey();
    const v = await formVersion(ids.binhLu, ids.sy2025);
    expect((await putForm(binhLu, ids.binhLu, ids.sy2025, v, 77, key)).statusCode).toBe(200);
    const id = await newOccurrence("G3");
    const res = await postReport(id, 1, "Báo cáo", key);
    expect(res.statusCode).toBe(422);
    expect((await reportsOf(id)).updates).toBe(0);
  });
});

describe(`old keys are forgotten (${process.env.TEST_DB})`, () => {
  it("keys created before the cut-off go, later ones stay", async () => {
    const db = t.db.db;
    const user = binhLu.userId;
    await db
      .insertInto("idempotent_request")
      .values([
        { user_id: user, key: "cu-qua-ba-muoi-ngay", request: "PUT /x", response: "{}" },
        { user_id: user, key: "moi-trong-ba-muoi-ngay", request: "PUT /x", response: "{}" },
      ])
      .execute();
    await db
      .updateTable("idempotent_request")
      .set({ created_at: new Date("2026-01-01T00:00:00Z") })
      .where("key", "=", "cu-qua-ba-muoi-ngay")
      .execute();
    await db
      .updateTable("idempotent_request")
      .set({ created_at: new Date("2026-01-31T00:00:01Z") })
      .where("key", "=", "moi-trong-ba-muoi-ngay")
      .execute();
    expect(await forgetKeysBefore(db, new Date("2026-01-31T00:00:00Z"))).toBeGreaterThanOrEqual(1);
    const left = await db
      .selectFrom("idempotent_request")
      .select("key")
      .where("key", "in", ["cu-qua-ba-muoi-ngay", "moi-trong-ba-muoi-ngay"])
      .execute();
    expect(left.map((r) => r.key)).toEqual(["moi-trong-ba-muoi-ngay"]);
  });
});
