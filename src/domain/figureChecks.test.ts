import { describe, expect, it } from "vitest";
import { fieldName } from "./breakdowns.ts";
import { checkFigures, checkValue, type ElementRule, type FieldValues } from "./figureChecks.ts";

const names = new Map([
  ["1", "Số trẻ đến trường"],
  ["2", "Số trẻ trong độ tuổi"],
  ["1/sex.female", fieldName("Số trẻ đến trường", "sex.female")],
  ["2/sex.female", fieldName("Số trẻ trong độ tuổi", "sex.female")],
  ["3", "Số phòng học"],
  ["3/level.preschool", fieldName("Số phòng học", "level.preschool")],
  ["3/level.primary", fieldName("Số phòng học", "level.primary")],
]);
const rate = { name: "Tỷ lệ huy động", numeratorId: 1, denominatorId: 2, gross: false };
const v = (n: number | null, d: number | null, comment: string | null = null): FieldValues =>
  new Map([
    ["1", { value: n, comment }],
    ["2", { value: d, comment: null }],
  ]);
const opts = { requireAll: false, fields: ["1", "2"] };

describe("checkFigures", () => {
  it("refuses a numerator above the denominator", () => {
    expect(checkFigures(v(12, 10), new Map(), [rate], names, opts)[0]).toMatchObject({
      level: "error",
      elementId: 1,
      field: "1",
    });
  });
  it("lets a gross rate pass 100 % with a warning (DOMAIN.md §6), asking for a comment", () => {
    const gross = { ...rate, gross: true };
    expect(checkFigures(v(12, 10), new Map(), [gross], names, opts)[0]?.level).toBe("warning");
    expect(checkFigures(v(12, 10), new Map(), [gross], names, opts)[0]?.message).toMatch(/ghi chú/);
    expect(checkFigures(v(12, 10, "trẻ xã bên đến học"), new Map(), [gross], names, opts)[0]?.level).toBe(
      "warning",
    );
  });
  it("warns on a jump against the last period and requires every field on submit", () => {
    const p = checkFigures(v(5, 10), new Map([["1", 12]]), [rate], names, opts);
    expect(p).toEqual([
      {
        field: "1",
        elementId: 1,
        category: "",
        level: "warning",
        kind: "check",
        message: expect.stringContaining("so với kỳ trước"),
      },
    ]);
    expect(
      checkFigures(v(5, null), new Map(), [rate], names, { ...opts, requireAll: true })[0],
    ).toMatchObject({
      elementId: 2,
      level: "error",
      kind: "missing",
    });
  });

  it("checks a rate within each breakdown, and an 'of which' part against the whole", () => {
    const values: FieldValues = new Map([
      ["1", { value: 8, comment: null }],
      ["2", { value: 10, comment: null }],
      ["1/sex.female", { value: 9, comment: null }],
      ["2/sex.female", { value: 5, comment: null }],
    ]);
    const p = checkFigures(values, new Map(), [{ ...rate, categories: ["sex.female"] }], names, {
      requireAll: false,
      fields: [],
      brokenDown: [{ elementId: 1, categories: ["sex.female"] }],
    });
    expect(p).toEqual([
      expect.objectContaining({
        field: "1/sex.female",
        category: "sex.female",
        level: "error",
        message: "Tỷ lệ huy động (Nữ): tử số (9) lớn hơn mẫu số (5).",
      }),
      expect.objectContaining({
        field: "1/sex.female",
        level: "error",
        message: "Số trẻ đến trường — trong đó: nữ: 9 lớn hơn tổng số (8).",
      }),
    ]);
  });

  it("holds education-level parts to the whole: above it is an error, a gap once all are in a warning", () => {
    const run = (pre: number | null, pri: number | null) =>
      checkFigures(
        new Map([
          ["3", { value: 20, comment: null }],
          ["3/level.preschool", { value: pre, comment: null }],
          ["3/level.primary", { value: pri, comment: null }],
        ]),
        new Map(),
        [],
        names,
        {
          requireAll: false,
          fields: [],
          brokenDown: [{ elementId: 3, categories: ["level.preschool", "level.primary"] }],
        },
      );
    expect(run(15, 10)[0]).toMatchObject({
      level: "error",
      message: expect.stringContaining("(25) lớn hơn tổng số (20)"),
    });
    expect(run(5, 10)[0]).toMatchObject({
      level: "warning",
      message: expect.stringContaining("(15) khác tổng số (20)"),
    });
    expect(run(5, null)).toEqual([]);
    expect(run(8, 12)).toEqual([]);
  });
});

describe("checkValue: what one element accepts", () => {
  const count: ElementRule = { kind: "count", min: 0, max: 1_000_000 };
  const yesNo: ElementRule = { kind: "yes_no", min: 0, max: 1 };
  const decimal: ElementRule = { kind: "decimal", min: 0, max: 100 };
  it("counts take whole numbers only", () => {
    expect(checkValue(150, count, "Số trẻ")).toBeNull();
    expect(checkValue(150.5, count, "Số trẻ")).toMatch(/số nguyên.*150,5/);
  });
  it("yes/no takes 0 or 1 only", () => {
    expect(checkValue(1, yesNo, "Đạt chuẩn")).toBeNull();
    expect(checkValue(0, yesNo, "Đạt chuẩn")).toBeNull();
    expect(checkValue(5, yesNo, "Đạt chuẩn")).toMatch(/1 \(đạt\) hoặc 0/);
    expect(checkValue(0.5, yesNo, "Đạt chuẩn")).not.toBeNull();
  });
  it("refuses values outside the plausible range, on both sides of each bound", () => {
    expect(checkValue(1_000_000, count, "Dân số")).toBeNull();
    expect(checkValue(1_000_001, count, "Dân số")).toMatch(/ngoài khoảng hợp lý \(0 – 1\.000\.000\)/);
    expect(checkValue(0, count, "Dân số")).toBeNull();
    expect(checkValue(-1, count, "Dân số")).not.toBeNull();
    expect(checkValue(100, decimal, "Điểm")).toBeNull();
    expect(checkValue(100.01, decimal, "Điểm")).not.toBeNull();
    expect(checkValue(99.5, decimal, "Điểm")).toBeNull();
    expect(checkValue(1e308, count, "Dân số")).not.toBeNull();
    expect(checkValue(Number.POSITIVE_INFINITY, undefined, "Dân số")).not.toBeNull();
  });
  it("runs on every value of a form", () => {
    const elements = new Map<number, ElementRule>([
      [1, count],
      [2, count],
    ]);
    const p = checkFigures(v(150.5, 200), new Map(), [rate], names, { ...opts, elements });
    expect(p.map((x) => [x.field, x.level])).toEqual([["1", "error"]]);
  });
});
