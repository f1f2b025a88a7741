import { describe, expect, it } from "vitest";
import { splitLines } from "../lines.ts";
import { parsePlan } from "../parsePlan.ts";
import { isCapsHeading, isColumnNumberRow, joinHardWrapped, joinOcrPieces, pipeRow } from "./textForms.ts";

describe("text forms", () => {
  it("takes a line in capitals for a heading, not for the rest of a wrapped line", () => {
    expect(isCapsHeading("II1. TO CHU'C THUC HIEN")).toBe(true);
    expect(isCapsHeading("PHÂN CÔNG NHIỆM VỤ")).toBe(true);
    expect(isCapsHeading("UBND tỉnh và các sở")).toBe(false);
    expect(isCapsHeading("UBND")).toBe(false);
  });
  it("reads a Markdown pipe table as tab-separated rows, separator rows dropped", () => {
    expect(pipeRow("| 1 | Nhiệm vụ | Cơ quan chủ trì |")).toBe("1\tNhiệm vụ\tCơ quan chủ trì");
    expect(pipeRow("|---|:---:|---|")).toBeNull();
    expect(pipeRow("| a \\| b | c |")).toBe("a | b\tc");
    expect(pipeRow("| không phải bảng")).toBe("| không phải bảng");
    // a row whose leading pipe the converter dropped is still a row; prose with a pipe or two is not
    expect(pipeRow(" 8   | Tỉ lệ | %  | ≥ 55 | Bộ Kế hoạch và Đầu tư ||")).toBe(
      "8\tTỉ lệ\t%\t≥ 55\tBộ Kế hoạch và Đầu tư",
    );
    expect(pipeRow(" --- | --- | --- | --- ||")).toBeNull();
    expect(pipeRow("Xem mục a | b của phụ lục |")).toBe("Xem mục a | b của phụ lục |");
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

describe("one cell per line (LibreOffice's text export of a table)", () => {
  it("regroups the cells of each row after a header of one cell a line", () => {
    const text = [
      "PHỤ LỤC",
      "TT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Thời gian",
      "1",
      "Kiểm tra hồ sơ",
      "đăng ký của các đơn vị",
      "Phòng Kỹ thuật",
      "Tháng 5/2026",
      "2",
      "Tổ chức sát hạch",
      "Phòng Quản lý",
      "Tháng 6/2026",
      "Nơi nhận:",
    ].join("\n");
    const lines = splitLines(text);
    expect(lines.map((l) => l.text)).toEqual([
      "PHỤ LỤC",
      "TT\tNhiệm vụ\tCơ quan chủ trì\tThời gian",
      "1\tKiểm tra hồ sơ đăng ký của các đơn vị\tPhòng Kỹ thuật\tTháng 5/2026",
      "2\tTổ chức sát hạch\tPhòng Quản lý\tTháng 6/2026",
      "Nơi nhận:",
    ]);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 6, 11, 15]);
    expect(parsePlan(text).tasks.map((t) => [t.ref, t.lead])).toEqual([
      ["1", ["Phòng Kỹ thuật"]],
      ["2", ["Phòng Quản lý"]],
    ]);
  });

  it("leaves lines alone when no row follows a header, or the header is too short", () => {
    const text = "TT\nNhiệm vụ\nCơ quan chủ trì\nĐây là đoạn văn.\nNội dung\nGhi chú\n1\nMột";
    expect(splitLines(text).map((l) => l.text)).toEqual(text.split("\n"));
  });
});
