/**
 * `lotrinh dhis2 metadata|push|pull` as a process, against an in-process DHIS2 stand-in on loopback
 * (never the network): the province's figures of 5272/KH-UBND go out under the instance's UIDs, in
 * batches with progress, and come back.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPglite } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import { importDataValueSets } from "../usecases/dataValueSets.ts";
import { type Dhis2StandIn, startDhis2StandIn } from "../usecases/dhis2/testing/dhis2StandIn.ts";
import { lotrinhAsDhis2, uidOf } from "../usecases/dhis2/testing/lotrinhAsDhis2.ts";

const bin = path.resolve("bin/lotrinh.js");
const onPostgres = inject("dbTemplate").kind === "postgres";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-dhis2-"));
let server: Dhis2StandIn;

/** Runs the command without blocking this process (the stand-in answers from here). */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: tmp, LOTRINH_DATA_DIR: path.join(tmp, "data") },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      err += c.toString("utf8");
    });
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  const t = await openTestDb();
  const metadata = await lotrinhAsDhis2(t.db);
  await t.close();
  server = await startDhis2StandIn({ metadata, token: "d2pat_thu_nghiem" });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(onPostgres)("lotrinh dhis2", () => {
  it("metadata, push in batches with progress, pull back; a wrong token is one clear line", {
    timeout: 900_000,
  }, async () => {
    const auth = ["--url", server.url, "--token", "d2pat_thu_nghiem"];
    const md = await run(["dhis2", "metadata", ...auth, "--instance", "Bộ"]);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toMatch(/Đã nạp \d+ đối tượng: \d+ khớp/);
    // two communes' figures for two school years, entered the DHIS2 way into the command's database
    const local = await openPglite({ dir: path.join(tmp, "data", "db") });
    const communes = await local.db
      .selectFrom("org_unit")
      .select("id")
      .where("full_name", "in", ["Xã Bình Lư", "Xã Nậm Cuổi"])
      .where("valid_to", "is", null)
      .execute();
    const elements = await local.db
      .selectFrom("indicator")
      .select(["numerator_id", "denominator_id"])
      .where("code", "=", "KH5272-02")
      .executeTakeFirstOrThrow();
    const dataValues = communes.flatMap((c) =>
      ["2024Sep", "2025Sep"].flatMap((period) => [
        {
          dataElement: uidOf("E", elements.numerator_id as number),
          period,
          orgUnit: uidOf("U", c.id),
          value: "40",
        },
        {
          dataElement: uidOf("E", elements.denominator_id as number),
          period,
          orgUnit: uidOf("U", c.id),
          value: "50",
        },
      ]),
    );
    const entered = await importDataValueSets(
      local.db,
      { id: null, name: "Thử", role: "admin", orgUnitId: null },
      { dataValues },
    );
    await local.close();
    expect(entered.importCount.imported).toBe(8);
    const push = await run(["dhis2", "push", ...auth, "--period", "2024Sep,2025Sep", "--batch-size", "3"]);
    expect(push.code, push.err).toBe(0);
    const sent = Number(/Đã gửi (\d+) giá trị/.exec(push.out)?.[1]);
    expect(sent).toBe(8);
    expect(push.out).toContain(`… ${sent}/${sent}`);
    expect(push.out).toMatch(/Kết quả: SUCCESS — \d+ mới/);
    expect(server.values.size).toBe(sent);
    expect([...server.values.values()].every((v) => /^\d{4}Sep$/.test(v.period))).toBe(true);
    expect(server.requests.every((r) => r.auth === "ApiToken d2pat_thu_nghiem")).toBe(true);
    const pull = await run(["dhis2", "pull", ...auth, "--period", "2024Sep,2025Sep"]);
    expect(pull.code, pull.err).toBe(0);
    expect(pull.out).toContain(`Đã lấy ${sent} giá trị`);
    expect(pull.out).toMatch(new RegExp(`Kết quả: SUCCESS — 0 mới, ${sent} cập nhật`));
    const refused = await run([
      "dhis2",
      "push",
      "--url",
      server.url,
      "--token",
      "sai",
      "--period",
      "2025Sep",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split("\n")).toHaveLength(1);
    expect(refused.err).toContain("[DHIS2_REFUSED]");
  });
});
