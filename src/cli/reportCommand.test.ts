import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mammoth from "mammoth";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";

const bin = path.resolve("bin/lotrinh.js");
const onPostgres = inject("dbTemplate").kind === "postgres";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-report-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const env = { LOTRINH_DATA_DIR: path.join(tmp, "data"), LOTRINH_NOW: "2026-07-01T03:00:00Z" };

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmp, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.runIf(!onPostgres && seedsAvailable())("npx lotrinh report", () => {
  it("writes a Party body's 6-month report as DOCX and its tables as XLSX; refuses bad options in Vietnamese", async () => {
    const plan = path.join(tmp, "47-KH-DU.txt");
    fs.writeFileSync(plan, readSeed("000_"));
    const imported = run(["import", plan]);
    expect(imported.code, imported.err).toBe(0);
    const docx = path.join(tmp, "dang-uy.docx");
    const args = ["report", "--kind", "body", "--plan", "47-KH/ĐU", "--unit", "Đảng ủy UBND tỉnh"];
    const ok = run([...args, "--period", "2026-6T", "--out", docx]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain(docx);
    const text = (await mammoth.extractRawText({ path: docx })).value;
    expect(text).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(text).toContain("ĐẢNG ỦY UBND TỈNH");
    expect(text).toContain("Số      -BC/ĐU");
    expect(text).toContain("Kết quả thực hiện Kế hoạch số 47-KH/ĐU 6 tháng đầu năm 2026");
    expect(text).toContain("Nội dung cần đơn vị bổ sung");
    expect(text).toContain("T/M BAN THƯỜNG VỤ");
    const xlsx = path.join(tmp, "dang-uy.xlsx");
    expect(run([...args, "--period", "2026", "--out", xlsx]).code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    const bad = run([...args, "--period", "2026-Q3", "--out", docx]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("[VALIDATION_FAILED]");
    const nowhere = run([
      "report",
      "--kind",
      "body",
      "--plan",
      "47-KH/ĐU",
      "--unit",
      "Xã Không Có",
      "--period",
      "2026",
      "--out",
      docx,
    ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain("Không tìm thấy đơn vị");
  }, 500_000);
});
