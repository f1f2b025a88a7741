import { describe, expect, it } from "vitest";
import { extractDocumentMeta, findNumbers } from "./documentMeta.ts";
import type { Warning } from "./draft.ts";
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
  it("takes the plan's own number and date from an appendix caption on the title's line, never as a reference", () => {
    const d = extractDocumentMeta(
      splitLines(
        [
          "Số: /KH-UBND",
          "KẾ HOẠCH",
          "Thực hiện Nghị quyết số 06-NQ/TU ngày 01/3/2026 của Tỉnh ủy.",
          "PHÂN CÔNG NHIỆM VỤ CỤ THỂ (Kèm theo Kế hoạch số 47-KH/UBND, ngày 5/3/2026 của UBND tỉnh)",
        ].join("\n"),
      ),
      [],
    );
    expect(d).toMatchObject({ number: "47-KH/UBND", issuedOn: "2026-03-05" });
    expect(d.references.map((r) => r.number)).toEqual(["06-NQ/TU"]);
    // "kèm theo" inside a sentence is not a caption
    const e = extractDocumentMeta(
      splitLines("Số: /KH-UBND\nGửi các biểu mẫu kèm theo Kế hoạch số 12/KH-SGD."),
      [],
    );
    expect(e.number).toBeNull();
  });
  it("resolves OCR variants of one cited number to one document, with a warning", () => {
    const warnings: Warning[] = [];
    const d = extractDocumentMeta(
      splitLines(
        "Căn cứ Nghị quyết số 12/2025/NQHĐND; Nghị quyết số 12/2025/NQ-HĐND; Nghị định số 5/2024/NP-CP và Nghị định số 5/2024/NĐ-CP; Nghị định số 6/2024/NĐ-CP.",
      ),
      warnings,
    );
    expect(d.references.map((r) => r.number)).toEqual(["12/2025/NQ-HĐND", "5/2024/NĐ-CP", "6/2024/NĐ-CP"]);
    expect(warnings.filter((w) => w.code === "NUMBER_VARIANT")).toHaveLength(2);
  });
});
