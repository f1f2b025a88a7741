import { describe, expect, it } from "vitest";
import { indicatorSeeds } from "../../db/seed/indicators.ts";
import { parsePlan } from "../parsePlan.ts";
import { readSeed, seedsAvailable } from "../testing/seeds.ts";
import { columnOfHeader, columnsOfHeaderBlock } from "./indicatorTablePeriods.ts";
import { readIndicatorValue } from "./indicatorTableValues.ts";

const catalog = indicatorSeeds.map((s, i) => ({ id: i + 1, code: s.code, name: s.name, unit: s.unit }));

/**
 * Seed 002's appendix as read by hand from the scan: row, catalog indicator, result 2024–2025, target
 * 2025–2026. Row 17 is not in the copy. "954" (row 9) and "171" (row 22) lost their decimal comma.
 */
const BY_HAND: [string, string, number, number][] = [
  ["1", "KH5272-01", 33.8, 33.8],
  ["2", "KH5272-02", 99.8, 99.8],
  ["3", "KH5272-03", 99.9, 99.9],
  ["4", "KH5272-04", 100, 100],
  ["5", "KH5272-05", 106, 38],
  ["6", "KH5272-06", 106, 38],
  ["7", "KH5272-07", 83, 38],
  ["8", "KH5272-08", 23, 3],
  ["9", "KH5272-09", 95.4, 95.58],
  ["10", "KH5272-10", 81.9, 82.8],
  ["11", "KH5272-11", 41, 38],
  ["12", "KH5272-12", 65, 10],
  ["13", "KH5272-13", 96.9, 97],
  ["14", "KH5272-14", 89.7, 91],
  ["15", "KH5272-15", 96.1, 97],
  ["16", "KH5272-16", 100, 100],
  ["18", "KH5272-18", 90, 90],
  ["19", "KH5272-19", 56.3, 59.5],
  ["20", "KH5272-20", 17.9, 17.1],
  ["21", "KH5272-21", 51.2, 57.3],
  ["22", "KH5272-22", 17.1, 17.1],
  ["23", "KH5272-23", 60.2, 63.2],
  ["24", "KH5272-24", 6.8, 6.8],
  ["25", "KH5272-25", 58, 60],
  ["26", "KH5272-26", 58, 60],
  ["27", "KH5272-27", 56, 57],
  ["28", "KH5272-28", 56, 57],
];

describe.runIf(seedsAvailable())("seed 002's indicator table, read from the scan", () => {
  const d = parsePlan(readSeed("002_"), { indicators: catalog });
  const RESULT = "Kết quả năm học 2024-2025";
  const TARGET = "Chỉ tiêu năm học 2025-2026";

  it("names its two columns' periods: 2024–2025 results, 2025–2026 targets", () => {
    expect(d.indicatorColumns).toEqual([
      { header: RESULT, kind: "result", schoolYear: "2024-2025", year: 2025, period: "2024SY" },
      { header: TARGET, kind: "target", schoolYear: "2025-2026", year: 2026, period: "2025SY" },
    ]);
  });

  it.each(BY_HAND)("row %s is %s with %d → %d", (ref, code, result, target) => {
    const row = d.indicators.find((r) => r.ref === ref);
    expect(row?.match?.code).toBe(code);
    expect(row?.values).toEqual({ [RESULT]: result, [TARGET]: target });
  });

  it("has the 27 rows in order, and reports the missing row 17 where it should be", () => {
    expect(d.indicators.map((r) => r.ref)).toEqual(BY_HAND.map((r) => r[0]));
    const missing = d.warnings.filter((w) => w.code === "ROW_MISSING");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain("dòng số 17");
    expect(missing[0]?.message).toContain("giữa dòng 16 và dòng 18");
    expect(missing[0]?.where).toMatch(/^trước dòng \d+$/);
  });

  it("says which values were read through a lost decimal mark, quoting the scan", () => {
    const doubts = d.warnings.filter((w) => w.code === "VALUE_SUSPICIOUS").map((w) => w.message);
    expect(doubts.some((m) => m.startsWith("Chỉ tiêu 9:") && m.includes("«954»") && m.includes("95,4"))).toBe(
      true,
    );
    expect(doubts.some((m) => m.startsWith("Chỉ tiêu 22:") && m.includes("«171»"))).toBe(true);
    expect(d.indicators.find((r) => r.ref === "9")?.raw?.[RESULT]).toBe("954");
  });

  it("keeps row 20's bracketed remark as its note, out of its name", () => {
    const row = d.indicators.find((r) => r.ref === "20");
    expect(row?.note).toMatch(/sapnhap.*MN.*Lodng/);
    expect(row?.name).toMatch(/muc do 2$/);
  });

  it("proposes nothing without a catalog, and a new indicator for a row the catalog lacks", () => {
    expect(parsePlan(readSeed("002_")).indicators.every((r) => r.match === undefined)).toBe(true);
    const without = catalog.filter((c) => c.code !== "KH5272-13");
    const d2 = parsePlan(readSeed("002_"), { indicators: without });
    expect(d2.indicators.find((r) => r.ref === "13")?.match).toBeNull();
    expect(d2.indicators.find((r) => r.ref === "14")?.match?.code).toBe("KH5272-14");
  });
});

describe("an indicator table with its columns (Markdown, DOCX, PDF tables)", () => {
  const text = [
    "KẾ HOẠCH",
    "| TT | Chỉ tiêu | Đơn vị | Kết quả năm 2025 | Kế hoạch năm 2026 | Ghi chú |",
    "| --- | --- | --- | --- | --- | --- |",
    "| I | Giáo dục mầm non | | | | |",
    "| 1 | Tỷ lệ huy động trẻ mẫu giáo | % | 99,5 | ≥ 99,8 | |",
    "| 2 | Số xã, phường đạt chuẩn phổ cập giáo dục tiểu học mức độ 3 | Xã, phường | 30 | 38 | |",
    "| 4 | Tỷ lệ phòng học kiên cố | % | chưa có | 60 | |",
    "| 4.1 | Trong đó: mầm non | % | 40 | 45 | |",
    "| * | Ghi chú: 12 trường chưa báo cáo | | | | |",
  ].join("\n");
  const d = parsePlan(text, { indicators: catalog });

  it("reads each row's cells under the columns whose headers name a period", () => {
    expect(d.indicatorColumns?.map((c) => [c.header, c.kind, c.period])).toEqual([
      ["Kết quả năm 2025", "result", "2025"],
      ["Kế hoạch năm 2026", "target", "2026"],
    ]);
    expect(d.indicators.map((r) => [r.ref, ...Object.values(r.values)])).toEqual([
      ["1", 99.5, 99.8],
      ["2", 30, 38],
      ["4", null, 60],
      ["4.1", 40, 45],
    ]);
    expect(d.indicators[0]?.match?.code).toBe("KH5272-02");
    expect(d.indicators[1]?.match).toMatchObject({ code: "KH5272-05", how: "exact", score: 1 });
  });

  it("quotes the row it cannot read, the value it cannot read and the row number that is missing", () => {
    const codes = d.warnings.map((w) => [w.code, w.message]);
    expect(codes).toContainEqual(["ROW_MISSING", expect.stringContaining("thiếu dòng số 3")]);
    expect(codes).toContainEqual([
      "VALUE_MISSING",
      expect.stringContaining("Chỉ tiêu 4 («Tỷ lệ phòng học kiên cố»)"),
    ]);
    expect(codes).toContainEqual([
      "ROW_UNUSED",
      expect.stringContaining("«* | Ghi chú: 12 trường chưa báo cáo"),
    ]);
    expect(d.warnings.filter((w) => w.code === "ROW_MISSING")).toHaveLength(1);
  });
});

describe("what a value column's header names", () => {
  it("results of a school year are that school year's figures", () => {
    expect(columnOfHeader("Kết quả năm học 2024-2025")).toMatchObject({ kind: "result", period: "2024SY" });
    expect(columnOfHeader("Thực hiện năm học 2024 – 2025")).toMatchObject({
      kind: "result",
      period: "2024SY",
    });
    expect(columnOfHeader("Ước thực hiện năm 2025")).toMatchObject({ kind: "result", period: "2025" });
  });
  it("targets of a year are targets, due by the year the school year ends", () => {
    expect(columnOfHeader("Chỉ tiêu năm học 2025-2026")).toMatchObject({
      kind: "target",
      period: "2025SY",
      year: 2026,
    });
    expect(columnOfHeader("Kế hoạch năm 2026")).toMatchObject({ kind: "target", period: "2026", year: 2026 });
  });
  it("a header without a kind or without a period is left for the reviewer", () => {
    expect(columnOfHeader("Năm học 2024-2025")).toMatchObject({ kind: null, period: "2024SY" });
    expect(columnOfHeader("Kết quả")).toMatchObject({ kind: "result", period: null });
    expect(columnOfHeader("Giai đoạn 2021-2025")).toMatchObject({ period: null, year: 2025 });
  });
  it("a header a scan broke over lines is paired kind by kind, year by year", () => {
    const cols = columnsOfHeaderBlock(
      "Kétqua | Chitiéu TT Chi tiéu Pon vi nam hoc | nam hoc 2024-2025 | 2025-2026",
    );
    expect(cols.map((c) => [c.kind, c.period])).toEqual([
      ["result", "2024SY"],
      ["target", "2025SY"],
    ]);
    const noKinds = columnsOfHeaderBlock("TT Chỉ tiêu Đơn vị 2024-2025 2025-2026");
    expect(noKinds.map((c) => [c.kind, c.period])).toEqual([
      [null, "2024SY"],
      [null, "2025SY"],
    ]);
  });
});

describe("a value cell through domain/numbers.ts, with a scan's variants", () => {
  it("reads the decimal comma, a dot as a decimal point, and a letter for a digit", () => {
    expect(readIndicatorValue("33,8", "%")).toEqual({ raw: "33,8", value: 33.8, doubt: null });
    expect(readIndicatorValue("81.9", "%").value).toBe(81.9);
    expect(readIndicatorValue("100,0", "%")).toMatchObject({ value: 100, doubt: null });
    expect(readIndicatorValue("1O6", "Xã, phường")).toMatchObject({
      value: 106,
      doubt: "«1O6» đọc thành 106",
    });
  });
  it("a whole percentage over 150 lost its comma; up to 150 it may be a gross rate", () => {
    expect(readIndicatorValue("954", "%").value).toBe(95.4);
    expect(readIndicatorValue("151", "%").value).toBe(15.1);
    expect(readIndicatorValue("150", "%")).toMatchObject({ value: 150 });
    expect(readIndicatorValue("150", "%").doubt).toContain("vượt 100 %");
    expect(readIndicatorValue("954", "Xã, phường")).toMatchObject({ value: 954, doubt: null });
  });
  it("refuses what is not a number, with the reason", () => {
    const r = readIndicatorValue("1,234,5", "%");
    expect(r.value).toBeNull();
    expect(r.doubt).toContain("nhiều dấu phẩy");
  });
});

describe("group rows give the period of the value columns to the rows below them", () => {
  const table = (groups: [string, string][]) =>
    [
      "PHỤ LỤC",
      "TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan theo dõi",
      ...groups.map(([a, b]) => `${a}\t${b}`),
      "Nơi nhận:",
    ].join("\n");

  it("«Đến năm 2030» / «Năm 2026»: one column per group, of that year, targets when it says by when", () => {
    const d = parsePlan(
      table([
        ["I", "Đến năm 2030\t\t\t"],
        ["1", "Tỷ lệ dân số có tài khoản ngân hàng\t%\t95\tNgân hàng Nhà nước"],
        ["2", "Số doanh nghiệp công nghệ số\tDoanh nghiệp\t5\tBộ Khoa học và Công nghệ"],
        ["", "Năm 2026\t\t\t"],
        ["3", "Tỷ lệ hồ sơ giải quyết đúng hạn\t%\t98\tVăn phòng"],
      ]),
    );
    expect(d.indicatorColumns?.map((c) => [c.header, c.kind, c.period])).toEqual([
      ["Kết quả (Đến năm 2030)", "target", "2030"],
      ["Kết quả (Năm 2026)", "result", "2026"],
    ]);
    expect(d.indicators.map((r) => [r.ref, r.values])).toEqual([
      ["1", { "Kết quả (Đến năm 2030)": 95, "Kết quả (Năm 2026)": null }],
      ["2", { "Kết quả (Đến năm 2030)": 5, "Kết quả (Năm 2026)": null }],
      ["3", { "Kết quả (Năm 2026)": 98, "Kết quả (Đến năm 2030)": null }],
    ]);
    // a value missing under its own group is still said; the other group's column is not
    expect(d.warnings.filter((w) => w.code === "VALUE_MISSING")).toEqual([]);
  });

  it("a group heading naming no year leaves the column as its header says", () => {
    const d = parsePlan(
      table([
        ["I", "Lĩnh vực giáo dục\t\t\t"],
        ["1", "Tỷ lệ trẻ đến trường\t%\t95\tSở"],
      ]),
    );
    expect(d.indicatorColumns?.map((c) => [c.header, c.period])).toEqual([["Kết quả", null]]);
  });
});
