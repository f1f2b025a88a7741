import { describe, expect, it } from "vitest";
import { extractDocumentMeta, findNumbers } from "./documentMeta.ts";
import { splitLines } from "./lines.ts";

describe("document numbers", () => {
  it("reads issuer codes with digits and OCR spaces", () => {
    expect(findNumbers("Số: 252/KH-BCĐQG1237")[0]?.number).toBe("252/KH-BCĐQG1237");
    expect(findNumbers("Kế hoạch 3260-KH/ĐĐQH15 ngày")[0]?.number).toBe("3260-KH/ĐĐQH15");
    expect(findNumbers("3210/QĐ - UBND")[0]?.number).toBe("3210/QĐ-UBND");
    expect(findNumbers("773 /QĐ-TTg")[0]?.number).toBe("773/QĐ-TTg");
  });
  it("does not take a class or a pair of years for a number", () => {
    expect(findNumbers("lớp 31/31 và năm 2024/2025")).toEqual([]);
  });
  it("reads the header when it is a Markdown table row, with an OCR-split month", () => {
    const lines = splitLines(
      "| THỦ TƯỚNG CHÍNH PHỦ | CỘNG HÒA |\n|---|---|\n| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |\nQUYẾT ĐỊNH",
    );
    const d = extractDocumentMeta(lines, []);
    expect(d).toMatchObject({ number: "773/QĐ-TTg", issuedOn: "2018-06-26" });
  });
  it("keeps a lone bar inside a scanned number as its slash", () => {
    const d = extractDocumentMeta(splitLines("Sb: 5272 |KH-UBND\nLai Châu, ngày 09 tháng 9 năm 2025"), []);
    expect(d.number).toBe("5272/KH-UBND");
  });
});
