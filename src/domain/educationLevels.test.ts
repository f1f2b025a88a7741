import { describe, expect, it } from "vitest";
import { indicatorSeeds } from "../db/seed/indicators.ts";
import {
  defaultElementLevels,
  EDUCATION_LEVELS,
  type EducationLevel,
  educationLevelsIn,
  elementApplies,
  levelsMask,
  levelsOfMask,
  sectionOf,
  unitEducationLevels,
} from "./educationLevels.ts";

describe("education levels", () => {
  it("reads the level a school's name states, abbreviations included", () => {
    expect(educationLevelsIn("Trường Mầm non Bình Lư (mẫu)")).toEqual(["preschool"]);
    expect(educationLevelsIn("Trường MN Sơn Bình")).toEqual(["preschool"]);
    expect(educationLevelsIn("Trường Tiểu học Bình Lư")).toEqual(["primary"]);
    expect(educationLevelsIn("Trường THCS Bình Lư (mẫu)")).toEqual(["lower_secondary"]);
    expect(educationLevelsIn("Trường Trung học cơ sở Tân Phong")).toEqual(["lower_secondary"]);
    expect(educationLevelsIn("Trường THPT Bình Lư")).toEqual(["upper_secondary"]);
    expect(educationLevelsIn("Trường Trung học phổ thông Mường Kim")).toEqual(["upper_secondary"]);
    expect(educationLevelsIn("Trường PTDTBT TH&THCS Pa Vây Sử")).toEqual(["primary", "lower_secondary"]);
    expect(educationLevelsIn("Trường PTDTNT THCS&THPT Tam Đường")).toEqual([
      "lower_secondary",
      "upper_secondary",
    ]);
    expect(educationLevelsIn("Trường PTDTBT Bình Lư")).toEqual([]);
  });

  it("gives every seeded data element the level it is about", () => {
    const expected: Record<string, EducationLevel[]> = {
      "Số trẻ nhà trẻ đến trường": ["preschool"],
      "Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)": ["preschool"],
      "Số trẻ 6 tuổi": ["primary"],
      "Số học sinh lớp 5": ["primary"],
      "Đạt chuẩn PCGD THCS mức độ 2 (1 = đạt)": ["lower_secondary"],
      "Số người trong độ tuổi (xóa mù chữ)": [],
      "Dân số": [],
      "Số giáo viên mầm non": ["preschool"],
      "Số giáo viên THPT đạt chuẩn": ["upper_secondary"],
      "Số trường trung học": ["lower_secondary", "upper_secondary"],
      "Số bộ thiết bị tối thiểu hiện có (THCS)": ["lower_secondary"],
      "Số người trong độ tuổi THPT": ["upper_secondary"],
      "Tổng số phòng học": [],
      "Số trường học trực thuộc": [],
      "Đạt chuẩn PCGD mầm non 3–5 tuổi (1 = đạt)": ["preschool"],
    };
    const usedBy = new Map<string, string[]>();
    for (const s of indicatorSeeds)
      for (const e of [s.numerator, s.denominator, s.element])
        if (e) usedBy.set(e, [...(usedBy.get(e) ?? []), s.name]);
    for (const [name, levels] of Object.entries(expected)) {
      expect(usedBy.has(name), name).toBe(true);
      expect(defaultElementLevels(name, usedBy.get(name) ?? []), name).toEqual(levels);
    }
  });

  it("asks a school only for its own levels, a commune for all, and an unknown school for all", () => {
    const thcs = { entersAs: "school" as const, levels: ["lower_secondary" as const] };
    expect(elementApplies(["lower_secondary"], thcs)).toBe(true);
    expect(elementApplies(["lower_secondary", "upper_secondary"], thcs)).toBe(true);
    expect(elementApplies(["preschool"], thcs)).toBe(false);
    expect(elementApplies(["upper_secondary"], thcs)).toBe(false);
    expect(elementApplies([], thcs)).toBe(true);
    const commune = { entersAs: "commune" as const, levels: [] };
    expect(elementApplies(["preschool"], commune)).toBe(true);
    expect(elementApplies(["upper_secondary"], commune)).toBe(true);
    expect(elementApplies(["preschool"], { entersAs: "school", levels: [] })).toBe(true);
  });

  it("takes a school's stored levels over its name, and gives other units none", () => {
    expect(unitEducationLevels({ kind: "school", name: "Trường THCS A", levels: ["primary"] })).toEqual([
      "primary",
    ]);
    expect(unitEducationLevels({ kind: "school", name: "Trường THCS A", levels: null })).toEqual([
      "lower_secondary",
    ]);
    expect(unitEducationLevels({ kind: "commune", name: "Xã Tiểu học", levels: null })).toEqual([]);
  });

  it("puts an element in its level's section, both secondary levels together, the rest in general", () => {
    expect(sectionOf([])).toBe("general");
    expect(sectionOf(["preschool"])).toBe("preschool");
    expect(sectionOf(["lower_secondary", "upper_secondary"])).toBe("secondary");
    expect(sectionOf(["primary", "lower_secondary"])).toBe("general");
  });

  it("keep a set of levels as a mask and read it back, for each of the 16 sets", () => {
    const masks = new Set<number>();
    for (let m = 0; m < 16; m++) {
      const levels = EDUCATION_LEVELS.filter((_, i) => (m >> i) & 1);
      expect(levelsOfMask(levelsMask(levels))).toEqual(levels);
      masks.add(levelsMask(levels));
    }
    expect(masks.size).toBe(16);
    expect(levelsMask([])).toBe(0);
    expect(levelsMask(["upper_secondary", "preschool"])).toBe(levelsMask(["preschool", "upper_secondary"]));
    // a school read back from its mask is asked exactly what it was asked before
    expect(
      elementApplies(["preschool"], { entersAs: "school", levels: levelsOfMask(levelsMask(["primary"])) }),
    ).toBe(false);
    expect(elementApplies(["preschool"], { entersAs: "school", levels: levelsOfMask(0) })).toBe(true);
  });
});
