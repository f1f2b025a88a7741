/** A report model → a DOCX in the layout of its issuer (State or Party); appendices on landscape pages. */
import { Document, LineRuleType, Packer, Paragraph } from "docx";
import {
  BODY_PT,
  bodyBlocks,
  CONTENT_WIDTH,
  centred,
  dataTable,
  FONT,
  headersFor,
  run,
  sectionProps,
} from "./docxParts.ts";
import { partyNumberLine, stateNumberLine } from "./format.ts";
import type { ReportModel } from "./model.ts";
import { stateClosing, stateHeader, stateTitle } from "./ndr30Layout.ts";
import { partyClosing, partyHeader, partyTitle } from "./partyLayout.ts";

export async function reportToDocx(m: ReportModel): Promise<Buffer> {
  const party = m.layout === "party";
  const main = [
    party ? partyHeader(m) : stateHeader(m),
    ...(party ? partyTitle(m) : stateTitle(m)),
    ...bodyBlocks(m.body),
    new Paragraph({ children: [] }),
    party ? partyClosing(m) : stateClosing(m),
    // a section cannot end on a table: the paragraph Word and LibreOffice add after it, at body size,
    // spilled onto a page of its own (a blank page 2 with just its number) when page 1 was full
    new Paragraph({
      spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT },
      children: [run("", { size: 1 })],
    }),
  ];
  const numberLine = party ? partyNumberLine(m.number, m.symbol) : stateNumberLine(m.number, m.symbol);
  const ref = numberLine.replace(/^Số:?\s*/, "");
  const appendices = m.appendices.map((t, i) => ({
    properties: sectionProps(true, false),
    headers: headersFor(false),
    children: [
      centred(`Phụ lục ${toRoman(i + 1)}`, { bold: true }),
      centred(t.title, { bold: true }),
      centred(
        `(Kèm theo Báo cáo số ${ref} ngày … tháng … năm ${m.year} của ${m.issuerLine})`,
        {
          italics: true,
        },
        120,
      ),
      dataTable(t, CONTENT_WIDTH.landscape),
      new Paragraph({ children: [run("", { size: BODY_PT })] }),
    ],
  }));
  const doc = new Document({
    creator: "Lộ Trình",
    title: `Báo cáo: ${m.summary}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_PT * 2 } } } },
    sections: [
      { properties: sectionProps(false, true), headers: headersFor(true), children: main },
      ...appendices,
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

function toRoman(n: number): string {
  const r: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  let k = n;
  for (const [v, sym] of r)
    while (k >= v) {
      s += sym;
      k -= v;
    }
  return s;
}
