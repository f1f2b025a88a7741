import { describe, expect, it } from "vitest";
import {
  type AlignTarget,
  alignTargets,
  compareTargets,
  tasksWithoutCounterpart,
  wordingSimilarity,
} from "./alignment.ts";

let id = 0;
const t = (
  measure: string,
  comparator: string | null,
  value: number | null,
  unit: string | null,
  year: number | null,
): AlignTarget => ({
  id: ++id,
  ref: `(${id})`,
  measure,
  comparator,
  value,
  unit,
  year,
});

const province = [
  t("Tỷ lệ huy động học sinh trong độ tuổi đến trường — trung học phổ thông", ">=", 60, "%", 2030),
  t("hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi", null, null, null, 2030),
  t("Triển khai dạy học tiếng Trung Quốc tại trường phổ thông nội trú liên cấp", ">=", 11, "trường", null),
  t("Tỷ lệ tốt nghiệp trung học phổ thông", ">", 99, "%", 2030),
];
const binhLu = [
  t("Tỷ lệ huy động học sinh trong độ tuổi đến trường — trung học phổ thông", ">=", 65, "%", 2028),
  t("hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi", null, null, null, 2028),
  t("Tỷ lệ tốt nghiệp trung học phổ thông", ">", 98, "%", 2030),
  t("Phấn đấu có số trường học trực thuộc đạt Trường học hạnh phúc", ">=", 50, "%", 2030),
];

describe("alignment of a lower plan with its parent", () => {
  const result = alignTargets(province, binhLu);
  const verdictOf = (measurePrefix: string) =>
    result.find((r) => (r.parent ?? r.child)?.measure.startsWith(measurePrefix));

  it("a higher value and an earlier year are stricter, and fine", () => {
    const r = verdictOf("Tỷ lệ huy động");
    expect(r?.verdict).toBe("stricter");
    expect(r?.reasons).toEqual(["giá trị 65 % so với 60 %", "năm 2028 so với 2030"]);
    expect(verdictOf("hoàn thành phổ cập")?.verdict).toBe("stricter");
  });

  it("a lower value is weaker", () => {
    const r = verdictOf("Tỷ lệ tốt nghiệp");
    expect(r?.verdict).toBe("weaker");
    expect(r?.reasons).toEqual(["giá trị 98 % so với 99 %"]);
  });

  it("a target the lower plan leaves out is dropped; its own is added", () => {
    expect(verdictOf("Triển khai dạy học tiếng Trung")?.verdict).toBe("dropped");
    expect(verdictOf("Phấn đấu có số trường")?.verdict).toBe("added");
    expect(result).toHaveLength(5);
  });

  it("for a lower-is-better target a lower value is stricter and a later year weaker", () => {
    const parent = t("Tỷ lệ học sinh bỏ học", "<=", 1, "%", 2028);
    expect(compareTargets(parent, t("Tỷ lệ học sinh bỏ học", "<=", 0.5, "%", 2028)).verdict).toBe("stricter");
    expect(compareTargets(parent, t("Tỷ lệ học sinh bỏ học", "<=", 2, "%", 2028)).verdict).toBe("weaker");
    const later = compareTargets(parent, t("Tỷ lệ học sinh bỏ học", "<=", 1, "%", 2029));
    expect(later).toMatchObject({ verdict: "weaker", reasons: ["năm 2029 so với 2028"] });
    expect(compareTargets(parent, t("Tỷ lệ học sinh bỏ học", "<=", 1, "%", 2028)).verdict).toBe("same");
  });

  it("values in different units are not compared", () => {
    const r = compareTargets(
      t("phòng học kiên cố", ">=", 100, "%", 2030),
      t("phòng học kiên cố", ">=", 20, "phòng", 2030),
    );
    expect(r.verdict).toBe("same");
  });

  it("wordings: the same target written a little differently matches, a different one does not", () => {
    expect(
      wordingSimilarity("Tỷ lệ phòng học được kiên cố hóa", "phòng học được kiên cố hoá"),
    ).toBeGreaterThanOrEqual(0.6);
    expect(
      wordingSimilarity("Tỷ lệ phòng học được kiên cố hóa", "Tỷ lệ tốt nghiệp trung học phổ thông"),
    ).toBeLessThan(0.6);
  });

  it("tasks assigned by the parent without a counterpart below", () => {
    const assigned = [
      { id: 1, ref: "II.1", title: "Rà soát, sắp xếp mạng lưới trường, lớp học" },
      { id: 2, ref: "II.2", title: "Tổ chức dạy học tiếng Trung Quốc cho học sinh lớp 6" },
    ];
    const own = [
      { id: 9, ref: "1.1", title: "Rà soát, sắp xếp lại mạng lưới trường, lớp học trên địa bàn xã" },
    ];
    expect(tasksWithoutCounterpart(assigned, own).map((x) => x.ref)).toEqual(["II.2"]);
  });
});
