import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceCandidates } from "../db/seed/catalog.ts";
import { parsePlan } from "./parsePlan.ts";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const units = referenceCandidates();

describe("parsePlan on documents written for these tests", () => {
  it("a department's plan: other column names, products, a page break, an unnumbered task", () => {
    const d = parsePlan(fixture("variants-state.txt"), { units });
    expect(d.document).toMatchObject({
      number: "123/KH-SGDĐT",
      issuedOn: "2026-05-05",
      issuer: "Sở Giáo dục và Đào tạo",
      place: "Lai Châu",
      period: { from: 2026, to: 2030 },
    });
    const rel = Object.fromEntries(d.document.references.map((r) => [r.number, r.relation]));
    expect(rel).toMatchObject({
      "2086/KH-UBND": "implements",
      "47-KH/ĐU": "cites",
      "2358/QĐ-BGDĐT": "cites",
    });
    expect(d.tasks.map((t) => t.ref)).toEqual(["I.1", "I.2", "II", "II.1", "II.2", "II.2a", "II.3"]);
    const t = Object.fromEntries(d.tasks.map((x) => [x.ref, x]));
    expect(t["I.1"]).toMatchObject({
      lead: ["Sở GD&ĐT"],
      support: ["Sở Tài chính", "Sở Nội vụ"],
      timeframe: { due: "2026-09-30" },
      product: "Hội nghị quán triệt toàn tỉnh ngày 12/5/2026",
    });
    expect(t["I.2"]?.timeframe.due).toBe("2026-12-31");
    expect(t.II).toMatchObject({ title: "Cơ sở vật chất", timeframe: { due: "2030-12-31" } });
    expect(t["II.1"]).toMatchObject({
      title: "Rà soát phòng học tạm, phòng học mượn tại các điểm trường lẻ trên địa bàn các xã biên giới",
      lead: ["Phòng Giáo dục và Đào tạo"],
      support: ["Sở Tài chính", "Sở Xây dựng"],
      timeframe: { due: "2026-06-30" },
      product: "Báo cáo rà soát",
    });
    expect(t["II.2"]?.timeframe.due).toBe("2026-06-15");
    expect(t["II.2a"]?.timeframe.due).toBe("2027-05-31");
    expect(t["II.3"]?.timeframe).toMatchObject({ kind: "pending", unparsed: true });
    const codes = d.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["ROWS_MERGED", "TIMEFRAME_UNPARSED", "UNKNOWN_BODY"]));
    const unknown = d.warnings.filter((w) => w.code === "UNKNOWN_BODY").map((w) => w.message);
    expect(unknown.join(" ")).toContain("Ban Quản lý dự án đầu tư xây dựng tỉnh");
    expect(d.bodies.find((b) => b.text === "Uỷ ban nhân dân các xã, phường")).toMatchObject({
      plural: true,
      setKind: "communes",
    });
    expect(d.targets.map((x) => [x.comparator, x.value, x.unit, x.year, x.recurring])).toEqual([
      [">=", 70, "%", 2028, false],
      [">=", 95.5, "%", 2028, false],
      [">=", 100, "%", null, true],
      [">=", 12, "trường", null, true],
    ]);
  });

  it("a Party appendix: number and date only in the caption, HTML, a split time cell, notes", () => {
    const d = parsePlan(fixture("variants-party.txt"), { units });
    expect(d.document).toMatchObject({
      number: "68-KH/BTGDVTU",
      issuedOn: "2026-04-02",
      issuer: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
      title: "DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN",
    });
    expect(d.tasks).toHaveLength(3);
    expect(d.tasks[0]?.title).toBe("Hướng dẫn tuyên truyền Nghị quyết số 06-NQ/TU ngày 04/3/2026");
    expect(d.tasks[0]?.note).toBe("Văn bản hướng dẫn");
    expect(d.tasks[1]?.timeframe).toMatchObject({ text: "Thường xuyên", kind: "continuous" });
    expect(d.tasks[1]?.note).toBe("Văn bản tham gia ý kiến");
    // the lower-case variant in task 2 is the same body as in task 1: one body, one decision
    expect(d.tasks[1]?.support).toEqual(["Ban Tuyên giáo và Dân vận Tỉnh ủy"]);
    expect(d.bodies.filter((b) => /tuyên giáo/iu.test(b.text))).toHaveLength(1);
    expect(d.bodies.find((b) => b.text === "Ban Tuyên giáo và Dân vận Tỉnh ủy")?.unit).toMatchObject({
      name: "Ban Tuyên giáo và Dân vận Tỉnh ủy",
      match: "exact",
    });
    expect(d.tasks[2]?.support).toEqual(["Các chi, đảng bộ cơ sở", "các cơ quan, đơn vị liên quan"]);
    expect(d.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(["HTML_REMOVED", "ROWS_MERGED"]));
  });

  it("says so when it finds nothing", () => {
    const d = parsePlan("Một đoạn văn không phải kế hoạch.");
    expect(d.tasks).toEqual([]);
    expect(d.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["NUMBER_MISSING", "DATE_MISSING", "NO_TASKS"]),
    );
  });

  it("never throws, whatever the text", () => {
    const pieces = fc.constantFrom(
      "\t",
      "\n",
      "I",
      "1",
      "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian",
      "(1) Đến năm 2030, ",
      "đạt 99,8%",
      "Số: /KH-UBND",
      "Kèm theo Kế hoạch số ",
      "ngày 31 tháng 2 năm 2026",
      "Quý IV hằng năm; sơ kết",
      "<p>",
      "Mục tiêu cụ thể",
      "TỔ CHỨC THỰC HIỆN",
      "- ",
      "99",
      "%",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 40 }), pieces), { maxLength: 60 }), (parts) => {
        const d = parsePlan(parts.join(""), { units });
        expect(Array.isArray(d.tasks)).toBe(true);
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (s) => {
        expect(() => parsePlan(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 60_000); // 700 parses: seconds on a shared two-core machine
});

describe("a task table's column-number row", () => {
  it("is not a task, while a real first row is", () => {
    const d = parsePlan(
      "TT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n(1)\t(2)\t(3)\t(4)\t(5)\n1\tRà soát quy hoạch\tSở Xây dựng\t\tNăm 2026\n2\t3\tSở Tài chính\t\tNăm 2026",
    );
    expect(d.tasks.map((t) => t.title)).toEqual(["Rà soát quy hoạch", "3"]);
  });
});

describe("nothing lost silently", () => {
  it("counts the rows of a task table and quotes the one it could not use", () => {
    const d = parsePlan(
      "TT\tNội dung\tChủ trì\tThời gian\n1\tRà soát quy hoạch\tSở Xây dựng\tNăm 2026\n\t\t\tGhi chú lạc",
    );
    expect(d.coverage.find((c) => c.section === "taskTable")).toEqual({
      section: "taskTable",
      seen: 2,
      used: 1,
    });
    expect(d.warnings.find((w) => w.code === "ROW_UNUSED")?.message).toContain("Ghi chú lạc");
  });
  it("reports NO_TASKS even when the plan has targets, and NO_TARGETS when it has tasks only", () => {
    const onlyTargets = parsePlan("Mục tiêu cụ thể\n(1) Đến năm 2030, 100% xã đạt chuẩn.");
    expect(onlyTargets.warnings.map((w) => w.code)).toContain("NO_TASKS");
    expect(onlyTargets.warnings.map((w) => w.code)).not.toContain("NO_TARGETS");
    const onlyTasks = parsePlan("III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Chủ trì tổng hợp.");
    expect(onlyTasks.warnings.map((w) => w.code)).toContain("NO_TARGETS");
    expect(onlyTasks.warnings.map((w) => w.code)).not.toContain("NO_TASKS");
    expect(onlyTasks.coverage).toEqual([{ section: "duties", seen: 1, used: 1 }]);
  });
});
