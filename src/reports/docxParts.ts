/**
 * Building blocks shared by the two official layouts: Times New Roman runs, the body paragraphs
 * (justified, first-line indent 1,27 cm), tables sized to the page, and the page set-up of
 * Nghị định 30/2020 (A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; page number centred in
 * the top margin from page 2).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Header,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { vnNumber, vnPercent } from "./format.ts";
import { type Block, type Cell, type CellKind, judgementText, type ReportTable } from "./model.ts";

export const FONT = "Times New Roman";
export const BODY_PT = 14;
export const TABLE_PT = 12;

export const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const sideMargins = convertMillimetersToTwip(MARGIN_MM.left + MARGIN_MM.right);
export const CONTENT_WIDTH = { portrait: A4.width - sideMargins, landscape: A4.height - sideMargins };

export interface RunOpts {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

export function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: (o.size ?? BODY_PT) * 2,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
  });
}

export function centred(text: string, o: RunOpts = {}, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, o)] });
}

/** A short horizontal rule under a centred line (the rule under the issuer or the motto). */
export function shortRule(indentTwips: number): Paragraph {
  return new Paragraph({
    indent: { left: indentTwips, right: indentTwips },
    spacing: { after: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

export const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

/** A borderless two-column table (header and closing blocks). */
export function layoutTable(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const total = CONTENT_WIDTH.portrait;
  const lw = Math.round(total * leftShare);
  const cell = (children: Paragraph[], w: number) =>
    new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [lw, total - lw],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, lw), cell(right, total - lw)] })],
  });
}

export function bodyParagraph(text: string, o: RunOpts = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(12.7) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(text, o)],
  });
}

export function cellText(value: Cell, kind: CellKind): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (kind === "percent") return vnPercent(value);
  return vnNumber(value);
}

/** A data table filling the width of its page; numbers right-aligned, header row repeated. */
export function dataTable(t: ReportTable, width: number): Table {
  const sum = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((width * c.width) / sum));
  const para = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], o: RunOpts) =>
    new Paragraph({ alignment: align, children: [run(text, { size: TABLE_PT, ...o })] });
  const header = new TableRow({
    tableHeader: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [para(c.header, AlignmentType.CENTER, { bold: true })],
        }),
    ),
  });
  const groups = new Set(t.groupRows ?? []);
  const rows = t.rows.map((r, ri) => {
    if (groups.has(ri)) {
      return new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: t.columns.length,
            width: { size: width, type: WidthType.DXA },
            children: [para(String(r[0] ?? ""), AlignmentType.LEFT, { bold: true })],
          }),
        ],
      });
    }
    return new TableRow({
      children: t.columns.map(
        (c, i) =>
          new TableCell({
            width: { size: widths[i] as number, type: WidthType.DXA },
            children: [
              para(
                cellText(r[i] ?? null, c.kind),
                c.kind === "text" ? AlignmentType.LEFT : AlignmentType.RIGHT,
                {},
              ),
            ],
          }),
      ),
    });
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** The body: "I." headings bold, "1." bold, "a)" bold italic; judgement parts in italics. */
export function bodyBlocks(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === "heading") out.push(bodyParagraph(b.text, { bold: true, italics: b.level === 3 }));
    else if (b.kind === "para") out.push(bodyParagraph(b.text));
    else if (b.kind === "judgement") out.push(bodyParagraph(judgementText(b), { italics: !b.text?.trim() }));
    else {
      out.push(centred(b.table.title, { bold: true, size: TABLE_PT + 1 }, 60));
      out.push(dataTable(b.table, CONTENT_WIDTH.portrait));
      out.push(new Paragraph({ children: [] }));
    }
  }
  return out;
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 13 * 2 })],
      }),
    ],
  });

/** Page set-up: A4, ND 30 margins, the page number in the top margin from page 2 on. */
export function sectionProps(landscape: boolean, firstOfDocument: boolean): ISectionOptions["properties"] {
  return {
    titlePage: firstOfDocument,
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: convertMillimetersToTwip(MARGIN_MM.top),
        bottom: convertMillimetersToTwip(MARGIN_MM.bottom),
        left: convertMillimetersToTwip(MARGIN_MM.left),
        right: convertMillimetersToTwip(MARGIN_MM.right),
        header: convertMillimetersToTwip(10),
        footer: convertMillimetersToTwip(10),
      },
    },
  };
}

export function headersFor(firstOfDocument: boolean) {
  return firstOfDocument
    ? { default: pageNumberHeader(), first: new Header({ children: [] }) }
    : { default: pageNumberHeader() };
}
