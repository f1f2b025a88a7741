import { describe, expect, it } from "vitest";
import type { Warning } from "./draft.ts";
import { splitLines } from "./lines.ts";
import { cellValue, extractTargetTables } from "./targetTable.ts";

const read = (text: string) => {
  const warnings: Warning[] = [];
  return { targets: extractTargetTables(splitLines(text), warnings), warnings };
};

describe("a table of targets", () => {
  it("reads each row's value with its comparator, unit, and the year of its group row", () => {
    const { targets, warnings } = read(
      [
        "| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi |",
        "|---|---|---|---|---|",
        "| **I** | **Đến năm 2030** | | | |",
        "| 1 | Tiềm lực khoa học | Thứ bậc | Đạt mức tiên tiến | Bộ Khoa học và Công nghệ |",
        "| 8 | Tỉ lệ đóng góp của TFP | % | ≥ 55 | Bộ Kế hoạch và Đầu tư |",
        " 19 | Tổ chức được xếp hạng | Tổ chức | 40 - 50 | Bộ Khoa học và Công nghệ ||",
        "| **II** | **Đến năm 2045** | | | |",
        "| 37 | Chỉ số đổi mới sáng tạo | Thứ bậc | ≤ 30 | Bộ Khoa học và Công nghệ |",
      ].join("\n"),
    );
    expect(targets.map((t) => [t.ref, t.comparator, t.value, t.unit, t.year])).toEqual([
      ["8", ">=", 55, "%", 2030],
      ["19", ">=", 40, "Tổ chức", 2030],
      ["37", "<=", 30, "Thứ bậc", 2045],
    ]);
    // the row whose result is words is reported, not dropped
    expect(warnings.map((w) => w.code)).toEqual(["TARGET_UNREAD"]);
    expect(warnings[0]?.message).toContain("Tiềm lực khoa học");
  });
  it("leaves a table with a value column per period to the indicator reader", () => {
    const { targets } = read(
      "TT\tChỉ tiêu\tĐơn vị\tKết quả năm học 2024-2025\tChỉ tiêu năm học 2025-2026\n1\tTỉ lệ huy động\t%\t95\t96",
    );
    expect(targets).toEqual([]);
  });
  it("reads the value shapes of a result cell, and nothing from words", () => {
    expect(cellValue("≥ 55")).toMatchObject({ comparator: ">=", value: 55 });
    expect(cellValue(">= 30")).toMatchObject({ comparator: ">=", value: 30 });
    expect(cellValue("≤ 3 Đông Nam Á; ≤ 50 Thế giới")).toMatchObject({ comparator: "<=", value: 3 });
    expect(cellValue("> 0,7")).toMatchObject({ comparator: ">", value: 0.7 });
    expect(cellValue("20% - 50%")).toMatchObject({ comparator: ">=", value: 20 });
    expect(cellValue("100%")).toMatchObject({ comparator: null, value: 100 });
    expect(cellValue("09")).toMatchObject({ value: 9 });
    expect(cellValue("Đạt mức trên trung bình của thế giới")).toBeNull();
    expect(cellValue("Top 3")).toBeNull();
  });
});
