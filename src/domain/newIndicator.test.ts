import { describe, expect, it } from "vitest";
import { newIndicatorCode, newIndicatorType, proposeNewIndicator } from "./newIndicator.ts";

describe("a new indicator proposed for an unmatched row", () => {
  it("reads its kind from the unit: % is a rate, Có/Không yes/no, anything else a count", () => {
    expect(newIndicatorType("Tỷ lệ trẻ 5 tuổi hoàn thành chương trình", "%")).toBe("rate");
    expect(newIndicatorType("Số xã đạt chuẩn phổ cập", "Xã, phường")).toBe("count");
    expect(newIndicatorType("Số trường đạt chuẩn quốc gia", "Trường")).toBe("count");
    expect(newIndicatorType("Tỉnh có kế hoạch chuyển đổi số", "Có/Không")).toBe("yes_no");
    expect(newIndicatorType("Ban hành quy chế hay không", "")).toBe("yes_no");
    // a rate named as such with no unit written; a count with no unit stays a count
    expect(newIndicatorType("Tỷ lệ giáo viên đạt chuẩn", null)).toBe("rate");
    expect(newIndicatorType("Số giáo viên đạt chuẩn", null)).toBe("count");
  });

  it("keeps the row's name (spaces tidied) and unit, a rate without unit given %", () => {
    expect(proposeNewIndicator("  Tỷ lệ  học sinh\nđi học ", null)).toEqual({
      name: "Tỷ lệ học sinh đi học",
      unit: "%",
      type: "rate",
    });
    expect(proposeNewIndicator("Số phòng học", "Phòng")).toEqual({
      name: "Số phòng học",
      unit: "Phòng",
      type: "count",
    });
  });

  it("codes it from the plan's number and the row, and never reuses a code", () => {
    const none = () => false;
    expect(newIndicatorCode("5272/KH-UBND", 9, "17", none)).toBe("KH5272-17");
    expect(newIndicatorCode("5272/KH-UBND", 9, "7", none)).toBe("KH5272-07");
    expect(newIndicatorCode("47-KH/ĐU", 9, "3", none)).toBe("VB9-03");
    expect(newIndicatorCode(null, 12, "II.1", none)).toBe("VB12-II.1");
    const taken = new Set(["KH5272-17", "KH5272-17-2"]);
    expect(newIndicatorCode("5272/KH-UBND", 9, "17", (c) => taken.has(c))).toBe("KH5272-17-3");
    expect(newIndicatorCode("5272/KH-UBND", 9, "a)", none)).toBe("KH5272-A");
  });
});
