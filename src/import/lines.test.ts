import { describe, expect, it } from "vitest";
import { joinCell, parseDecimal, splitLines, stripHtml } from "./lines.ts";

describe("line cleaning", () => {
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
