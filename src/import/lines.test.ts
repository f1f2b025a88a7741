import { describe, expect, it } from "vitest";
import { joinCell, markerTab, parseDecimal, splitLines, stripHtml } from "./lines.ts";

describe("line cleaning", () => {
  it("reads a list marker set off by a tab stop as a list item, a table row as a row", () => {
    expect(markerTab("a)\tĐến năm 2027, 100% trường học.")).toBe("a) Đến năm 2027, 100% trường học.");
    expect(markerTab("2.\tSở Nội vụ chủ trì.")).toBe("2. Sở Nội vụ chủ trì.");
    expect(markerTab("1.\tRà soát\tSở Tư pháp\tHằng năm")).toBe("1.\tRà soát\tSở Tư pháp\tHằng năm");
    expect(markerTab("Số:\t/KH-UBND")).toBe("Số:\t/KH-UBND");
  });
  it("removes HTML and keeps paragraphs apart", () => {
    expect(stripHtml("<p>Một.</p> <p>Hai.</p>").text).toBe("Một.\nHai.");
    expect(stripHtml("“ <i>có học sinh</i> ” và &amp;").text).toBe("“có học sinh” và &");
    expect(stripHtml("không có thẻ").had).toBe(false);
  });

  it("removes Markdown emphasis and headings, keeps tabs", () => {
    const [l] = splitLines("## **II. MỤC TIÊU**\tx");
    expect(l?.text).toBe("II. MỤC TIÊU\tx");
    expect(l?.key).toBe("ii. muc tieu x");
  });

  it("joins cells split by a page break", () => {
    expect(joinCell("Phòng Giáo", "dục và Đào tạo")).toBe("Phòng Giáo dục và Đào tạo");
    expect(joinCell("Thường", "xuyên")).toBe("Thường xuyên");
    expect(joinCell("viên chức.", "Tiếp tục")).toBe("viên chức.\nTiếp tục");
    expect(joinCell("các xã", ", phường")).toBe("các xã, phường");
  });

  it("reads Vietnamese and plain decimals", () => {
    expect(parseDecimal("99,8")).toBe(99.8);
    expect(parseDecimal("99.8")).toBe(99.8);
    expect(parseDecimal("1.234,5")).toBe(1234.5);
    expect(parseDecimal("abc")).toBeNull();
  });
});
