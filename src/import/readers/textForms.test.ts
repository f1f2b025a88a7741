import { describe, expect, it } from "vitest";
import { splitLines } from "../lines.ts";
import { parsePlan } from "../parsePlan.ts";
import { isColumnNumberRow, joinHardWrapped, joinOcrPieces, pipeRow } from "./textForms.ts";

describe("text forms", () => {
  it("reads a Markdown pipe table as tab-separated rows, separator rows dropped", () => {
    expect(pipeRow("| 1 | Nhiệm vụ | Cơ quan chủ trì |")).toBe("1\tNhiệm vụ\tCơ quan chủ trì");
    expect(pipeRow("|---|:---:|---|")).toBeNull();
    expect(pipeRow("| a \\| b | c |")).toBe("a | b\tc");
    expect(pipeRow("| không phải bảng")).toBe("| không phải bảng");
    const md = [
      "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
      "|---|---|---|---|---|",
      "| (1) | (2) | (3) | (4) | (5) |",
      "| **I.** | Nhóm nhiệm vụ thể chế | | | |",
      "| 1. | Xây dựng nghị định | Bộ Tư pháp | Các bộ | Tháng 6/2025 |",
      "| 2. | Rà soát văn bản | Bộ Nội vụ | | Năm 2025 |",
    ].join("\n");
    const d = parsePlan(md);
    expect(d.tasks.map((t) => [t.ref, t.lead, t.timeframe.text])).toEqual([
      ["I.1", ["Bộ Tư pháp"], "Tháng 6/2025"],
      ["I.2", ["Bộ Nội vụ"], "Năm 2025"],
    ]);
  });

  it("drops the column-number row only when it numbers columns in order", () => {
    expect(isColumnNumberRow(["(1)", "(2)", "(3)", "(4)", "(5)"])).toBe(true);
    expect(isColumnNumberRow(["1", "2", "3"])).toBe(true);
    expect(isColumnNumberRow(["A", "B", "C", "D"])).toBe(true);
    expect(isColumnNumberRow(["1", "2"])).toBe(false);
    expect(isColumnNumberRow(["(1)", "(2)", "(4)"])).toBe(false);
    expect(isColumnNumberRow(["5", "Tỷ lệ", "%"])).toBe(false);
    expect(isColumnNumberRow(["3", "4", "5"])).toBe(false);
  });

  it("undoes Markdown escapes", () => {
    expect(splitLines("\\- Ban Tuyên giáo\n1\\. Mục tiêu").map((l) => l.text)).toEqual([
      "- Ban Tuyên giáo",
      "1. Mục tiêu",
    ]);
  });

  it("joins text hard-wrapped at a fixed width, not items nor short lines", () => {
    const para =
      "Các sở, ban, ngành tỉnh căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch thực hiện và báo cáo kết quả về Sở Giáo dục và Đào tạo trước ngày 15 tháng 12 hằng năm để tổng hợp.";
    const wrap = (s: string, w: number) => {
      const out: string[] = [];
      let line = "";
      for (const word of s.split(" ")) {
        if (line && `${line} ${word}`.length > w) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...out, line];
    };
    const lines = [...Array(6)].flatMap((_, i) => [`${i + 1}. Nhiệm vụ số ${i + 1}`, ...wrap(para, 70)]);
    const joined = joinHardWrapped(lines.map((text, n) => ({ n, text })));
    expect(joined.map((l) => l.text)).toEqual(
      [...Array(6)].flatMap((_, i) => [`${i + 1}. Nhiệm vụ số ${i + 1}`, para]),
    );
    const short = ["Dòng một", "Dòng hai", "Dòng ba"].map((text, n) => ({ n, text }));
    expect(joinHardWrapped(short)).toEqual(short);
  });

  it("closes OCR spaces inside words and numbers, and leaves correct text alone", () => {
    expect(joinOcrPieces("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH")).toBe(
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
    );
    expect(joinOcrPieces("T hành phố Hồ Chí M inh")).toBe("Thành phố Hồ Chí Minh");
    expect(joinOcrPieces("Số: 3210/QĐ - UBND")).toBe("Số: 3210/QĐ-UBND");
    for (const ok of [
      "Phụ lục A ban hành kèm theo",
      "điểm b khoản 2 Điều 3",
      "CHỦ TỊCH UBND TỈNH",
      "Phòng Văn hóa - Xã hội",
      "II MỤC TIÊU",
      "Sở GD và ĐT",
    ]) {
      expect(joinOcrPieces(ok)).toBe(ok);
    }
  });
});
