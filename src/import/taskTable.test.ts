import { describe, expect, it } from "vitest";
import { splitBodies } from "./bodies.ts";
import type { Warning } from "./draft.ts";
import { splitLines } from "./lines.ts";
import { parsePlan } from "./parsePlan.ts";
import { columnOf, cutProse, extractTaskTables, withYear } from "./taskTable.ts";

const table = (text: string) => {
  const warnings: Warning[] = [];
  return { tasks: extractTaskTables(splitLines(text), warnings), warnings };
};

describe("task tables as other offices head and fill them", () => {
  it("takes 'Trách nhiệm thực hiện', 'Người thực hiện', 'Đơn vị thực hiện' for the lead, not 'Đơn vị được kiểm tra'", () => {
    expect(columnOf("trach nhiem thuc hien")).toBe("lead");
    expect(columnOf("nguoi thuc hien")).toBe("lead");
    expect(columnOf("don vi thuc hien")).toBe("lead");
    expect(columnOf("don vi duoc kiem tra")).toBeNull();
  });
  it("gives a day written without its year the year of the column header", () => {
    const { tasks } = table(
      "TT\tNội dung\tTrách nhiệm thực hiện\tThời gian (Năm 2026)\n1\tGiải đáp kiến nghị\tLãnh đạo Sở Y tế\tTừ 20 giờ 15 phút - 20 giờ 45 phút ngày 08 tháng 5",
    );
    expect(tasks.map((t) => [t.lead, t.timeframe.kind, t.timeframe.due])).toEqual([
      [["Sở Y tế"], "deadline", "2026-05-08"],
    ]);
    expect(withYear("ngày 08 tháng 5 năm 2025", "2026")).toBe("ngày 08 tháng 5 năm 2025");
    expect(withYear("ngày 08 tháng 5", null)).toBe("ngày 08 tháng 5");
    expect(withYear("trước ngày 08/5", "2026")).toBe("trước ngày 08/5/2026");
  });
  it("a lead cell 'Theo phân công tại …' names no body and is kept as a note", () => {
    const { tasks } = table(
      "STT\tNhiệm vụ\tThời gian hoàn thành\tChủ trì thực hiện\n1\tTriển khai Quyết định số 1441/QĐ-UBND\tTheo các mốc thời gian tại Quyết định số 1441/QĐ-UBND\tTheo phân công tại Quyết định số 1441/QĐ-UBND\n2\tRà soát thủ tục\tHằng năm\tSở Tư pháp",
    );
    expect(tasks.map((t) => [t.lead, t.timeframe.kind, t.note])).toEqual([
      [[], "pending", "Theo phân công tại Quyết định số 1441/QĐ-UBND"],
      [["Sở Tư pháp"], "recurring", null],
    ]);
  });
  it("a group row with a stray piece of the row above is not a task, and is reported; one with its own time is", () => {
    const { tasks, warnings } = table(
      "TT\tTên nhiệm vụ\tCơ quan chủ trì\tThời gian hoàn thành\nIV.\tPhát triển nhân lực\t\tnăm tiếp theo\n1\tĐào tạo\tBộ Nội vụ\t2025\nV.\tHợp tác quốc tế\t\t2026\n2\tKý kết\tBộ Ngoại giao\t2026",
    );
    expect(tasks.map((t) => t.ref)).toEqual(["IV.1", "V", "V.2"]);
    expect(warnings.some((w) => w.code === "ROW_UNUSED" && w.message.includes("năm tiếp theo"))).toBe(true);
  });
  it("a lead cell that goes on into prose keeps the body as the lead and the prose as a note", () => {
    const { tasks } = table(
      "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n1\tRà soát\tPhòng Văn hóa - Xã hội phối hợp đề xuất nhiệm vụ bổ sung\tNăm 2026",
    );
    expect(tasks.map((t) => [t.lead, t.note])).toEqual([
      [["Phòng Văn hóa - Xã hội"], "Phòng Văn hóa - Xã hội phối hợp đề xuất nhiệm vụ bổ sung"],
    ]);
    expect(cutProse("Ban Chỉ đạo thực hiện hỗ trợ nhà ở")).toEqual({
      body: "Ban Chỉ đạo thực hiện hỗ trợ nhà ở",
      prose: null,
    });
  });
  it("'Lãnh đạo X' is X when X is a body, and stays as written otherwise", () => {
    expect(splitBodies("Lãnh đạo UBND xã Đức Trọng")).toEqual(["UBND xã Đức Trọng"]);
    expect(splitBodies("Lãnh đạo Sở Công Thương")).toEqual(["Sở Công Thương"]);
    expect(splitBodies("Lãnh đạo tỉnh")).toEqual(["Lãnh đạo tỉnh"]);
  });
});

describe("a plan with a task table and duties", () => {
  const duties = ["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ:", "a) Theo dõi, đôn đốc việc thực hiện."];
  const rows = [
    "TT\tNội dung\tTrách nhiệm thực hiện\tThời gian",
    "1\tPhát sóng chuyên mục\tSở Y tế\tTháng 5/2026",
  ];
  it("reads both when the table sits in the body, before the duties", () => {
    const d = parsePlan(["KẾ HOẠCH", "III. HOẠT ĐỘNG", ...rows, "", ...duties].join("\n"));
    expect(d.tasks.map((t) => t.lead[0])).toEqual(["Sở Y tế", "Sở Nội vụ"]);
  });
  it("reads only the table when it is an appendix after the duties (it restates them)", () => {
    const d = parsePlan(["KẾ HOẠCH", ...duties, "", "PHỤ LỤC", ...rows].join("\n"));
    expect(d.tasks.map((t) => t.lead[0])).toEqual(["Sở Y tế"]);
  });
});
