import { describe, expect, it } from "vitest";
import { checkFigures } from "./figureChecks.ts";

const names = new Map([
  [1, "Số trẻ đến trường"],
  [2, "Số trẻ trong độ tuổi"],
]);
const rate = { name: "Tỷ lệ huy động", numeratorId: 1, denominatorId: 2, gross: false };
const v = (n: number | null, d: number | null, comment: string | null = null) =>
  new Map([
    [1, { value: n, comment }],
    [2, { value: d, comment: null }],
  ]);
const opts = { requireAll: false, elementIds: [1, 2] };

describe("checkFigures", () => {
  it("refuses a numerator above the denominator", () => {
    expect(checkFigures(v(12, 10), new Map(), [rate], names, opts)[0]).toMatchObject({
      level: "error",
      elementId: 1,
    });
  });
  it("lets a gross rate pass 100 % only with a comment", () => {
    const gross = { ...rate, gross: true };
    expect(checkFigures(v(12, 10), new Map(), [gross], names, opts)[0]?.level).toBe("error");
    expect(checkFigures(v(12, 10, "trẻ xã bên đến học"), new Map(), [gross], names, opts)[0]?.level).toBe(
      "warning",
    );
  });
  it("warns on a jump against the last period and requires every field on submit", () => {
    const p = checkFigures(v(5, 10), new Map([[1, 12]]), [rate], names, opts);
    expect(p).toEqual([
      { elementId: 1, level: "warning", message: expect.stringContaining("so với kỳ trước") },
    ]);
    expect(
      checkFigures(v(5, null), new Map(), [rate], names, { ...opts, requireAll: true })[0],
    ).toMatchObject({ elementId: 2, level: "error" });
  });
});
