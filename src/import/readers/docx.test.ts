import { describe, expect, it } from "vitest";
import { parsePlan } from "../parsePlan.ts";
import { makeStructuredDocx } from "../testing/docxFixtures.ts";
import { makeZip } from "../testing/fixtures.ts";
import { docxToText } from "./docx.ts";

describe("docxToText: a Word file read as its structure", () => {
  it("reads merged cells, repeated headers, the column-number row, continued rows and Word numbering", async () => {
    const text = docxToText(await makeStructuredDocx());
    const lines = text.split("\n");
    // two header rows with merged cells → one header line, each column named in full
    expect(lines).toContain(
      "TT\tNội dung nhiệm vụ\tCơ quan thực hiện Chủ trì\tPhối hợp\tThời gian hoàn thành",
    );
    expect(text).not.toContain("(1)\t(2)");
    // the header written again mid-table is dropped, once
    expect(lines.filter((l) => l.includes("Thời gian hoàn thành"))).toHaveLength(1);
    // a vertically merged lead cell gives its value to each row it covers
    expect(lines).toContain(
      "2\tBiên soạn tài liệu tuyên truyền\tSở Giáo dục và Đào tạo\tCông an tỉnh\tTháng 6/2026",
    );
    // a row with an empty first cell stays inside the table
    expect(lines).toContain("\tbằng tiếng dân tộc thiểu số\t\t\t");
    // several paragraphs of one cell on one line
    expect(lines).toContain(
      "1\tTổ chức quán triệt Kế hoạch đến toàn thể cán bộ, giáo viên\tSở Giáo dục và Đào tạo\tSở Tài chính\tQuý II năm 2026",
    );
    // a horizontally merged group title sits in the title column
    expect(lines).toContain("I\tCông tác tuyên truyền, quán triệt\t\t\t");
    // Word numbering: list items and the automatic TT column
    expect(lines).toContain("a) Đến năm 2027, 100% trường học có kế hoạch chuyển đổi số.");
    expect(lines).toContain("b) Tỷ lệ huy động trẻ đạt 99%.");
    expect(lines).toContain("- Bảo đảm các điều kiện thực hiện.");
    expect(lines).toContain("2.\tTổ chức sát hạch\tPhòng Quản lý\tTháng 6/2026");

    const d = parsePlan(text);
    expect(d.document.number).toBe("88/KH-UBND");
    expect(d.tasks.map((t) => [t.ref, t.lead, t.support, t.timeframe.text])).toEqual([
      ["I.1", ["Sở Giáo dục và Đào tạo"], ["Sở Tài chính"], "Quý II năm 2026"],
      ["I.2", ["Sở Giáo dục và Đào tạo"], ["Công an tỉnh"], "Tháng 6/2026"],
      ["II.1", ["Sở Nội vụ"], ["Sở Tài chính"], "Năm 2027"],
      ["II.2", ["Ủy ban nhân dân các xã"], [], "Hằng năm"],
      ["1", ["Phòng Kỹ thuật"], [], "Tháng 5/2026"],
      ["2", ["Phòng Quản lý"], [], "Tháng 6/2026"],
    ]);
    expect(d.tasks[1]?.title).toBe("Biên soạn tài liệu tuyên truyền bằng tiếng dân tộc thiểu số");
  });

  it("skips deleted and moved-away text, keeps tabs and line breaks of paragraphs", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>1</w:t><w:tab/><w:t xml:space="preserve">Nhiệm vụ </w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:ins><w:r><w:t>mới</w:t></w:r></w:ins></w:p>
      <w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai</w:t></w:r></w:p>
      <w:p><w:moveFrom><w:r><w:t>chuyển đi</w:t></w:r></w:moveFrom><w:r><w:t>ở lại</w:t></w:r></w:p>
    </w:body></w:document>`;
    const docx = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
      { name: "word/document.xml", data: Buffer.from(xml) },
    ]);
    expect(docxToText(docx)).toBe("1\tNhiệm vụ mới\nDòng một\nDòng hai\nở lại");
  });

  it("refuses XML that is not well formed", () => {
    const docx = makeZip([{ name: "word/document.xml", data: Buffer.from("<w:document><w:body>") }]);
    expect(() => docxToText(docx)).toThrow(/hỏng/);
  });
});
