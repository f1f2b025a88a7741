import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });

interface CellSpec {
  text: string | string[];
  rowSpan?: number;
  columnSpan?: number;
  numbered?: boolean;
}

function cell(spec: CellSpec | string): TableCell {
  const s = typeof spec === "string" ? { text: spec } : spec;
  const texts = Array.isArray(s.text) ? s.text : [s.text];
  return new TableCell({
    ...(s.rowSpan ? { rowSpan: s.rowSpan } : {}),
    ...(s.columnSpan ? { columnSpan: s.columnSpan } : {}),
    children: texts.map((t) =>
      s.numbered
        ? new Paragraph({ numbering: { reference: "tt", level: 0 }, children: [new TextRun(t)] })
        : p(t),
    ),
  });
}

const row = (cells: (CellSpec | string)[], tableHeader = false) =>
  new TableRow({ tableHeader, children: cells.map(cell) });

const LONG = Array.from(
  { length: 60 },
  (_, i) =>
    `Nội dung chi tiết thứ ${i + 1} của nhiệm vụ rà soát, sắp xếp mạng lưới trường lớp trên địa bàn toàn tỉnh`,
).join("; ");

/** The task table of the structured plan: every shape a drafting office's Word table takes. */
function taskTable(longRow: boolean): Table {
  const header = () => [
    row(
      [
        { text: "TT", rowSpan: 2 },
        { text: "Nội dung nhiệm vụ", rowSpan: 2 },
        { text: "Cơ quan thực hiện", columnSpan: 2 },
        { text: "Thời gian hoàn thành", rowSpan: 2 },
      ],
      true,
    ),
    row(["Chủ trì", "Phối hợp"], true),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...header(),
      row(["(1)", "(2)", "(3)", "(4)", "(5)"]),
      row(["I", { text: "Công tác tuyên truyền, quán triệt", columnSpan: 4 }]),
      row([
        "1",
        { text: ["Tổ chức quán triệt Kế hoạch", "đến toàn thể cán bộ, giáo viên"] },
        { text: "Sở Giáo dục và Đào tạo", rowSpan: 2 },
        "Sở Tài chính",
        "Quý II năm 2026",
      ]),
      row(["2", "Biên soạn tài liệu tuyên truyền", "Công an tỉnh", "Tháng 6/2026"]),
      row(["", "bằng tiếng dân tộc thiểu số", "", "", ""]),
      row(["II", { text: "Phát triển mạng lưới trường lớp", columnSpan: 4 }]),
      ...header(),
      row(["1", longRow ? LONG : "Rà soát mạng lưới trường lớp", "Sở Nội vụ", "Sở Tài chính", "Năm 2027"]),
      row(["2", "Xây dựng trường phổ thông nội trú", "Ủy ban nhân dân các xã", "", "Hằng năm"]),
    ],
  });
}

/** A table whose TT column is Word automatic numbering (the text holds no number). */
function numberedTable(): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]),
      row([{ text: "", numbered: true }, "Kiểm tra hồ sơ", "Phòng Kỹ thuật", "Tháng 5/2026"]),
      row([{ text: "", numbered: true }, "Tổ chức sát hạch", "Phòng Quản lý", "Tháng 6/2026"]),
    ],
  });
}

/**
 * A Word plan built by code with merged cells both ways, header rows marked to repeat and written
 * again mid-table, a column-number row, a row continued with an empty first cell, several paragraphs in
 * one cell, a list with Word numbering and bullets. `longRow` makes one row long enough to cross a page.
 */
export async function makeStructuredDocx(opts: { longRow?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "tt",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }],
        },
        {
          reference: "items",
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: "%1)", alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: "dash",
          levels: [{ level: 0, format: LevelFormat.BULLET, text: "-", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } },
        children: [
          p("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", true),
          p("Số: 88/KH-UBND"),
          p("Lai Châu, ngày 15 tháng 4 năm 2026"),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: "KẾ HOẠCH", bold: true })],
          }),
          p("Triển khai nhiệm vụ giáo dục năm 2026"),
          p("I. MỤC TIÊU"),
          ...["Đến năm 2027, 100% trường học có kế hoạch chuyển đổi số.", "Tỷ lệ huy động trẻ đạt 99%."].map(
            (t) => new Paragraph({ numbering: { reference: "items", level: 0 }, children: [new TextRun(t)] }),
          ),
          new Paragraph({
            numbering: { reference: "dash", level: 0 },
            children: [new TextRun("Bảo đảm các điều kiện thực hiện.")],
          }),
          p("PHỤ LỤC"),
          taskTable(opts.longRow ?? false),
          p("PHỤ LỤC II"),
          numberedTable(),
          p("Nơi nhận:"),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * A long plan for the speed bench: a few pages of prose and a task table of `tasks` rows in groups of
 * ten (about 20 pages for 110 rows as LibreOffice prints it).
 */
export async function makeLongPlanDocx(tasks = 150): Promise<Buffer> {
  const prose = Array.from({ length: 30 }, (_, i) =>
    p(
      `${i + 1}. Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch, tổ chức thực hiện các nhiệm vụ, giải pháp của Kế hoạch này; định kỳ báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo để tổng hợp.`,
    ),
  );
  const rows = [row(["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"], true)];
  const groups = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
  ];
  for (let i = 0; i < tasks; i++) {
    if (i % 10 === 0)
      rows.push(row([groups[i / 10] ?? "XX", { text: `Nhóm nhiệm vụ số ${i / 10 + 1}`, columnSpan: 4 }]));
    rows.push(
      row([
        String((i % 10) + 1),
        `Xây dựng và triển khai kế hoạch nâng cao chất lượng giáo dục, đào tạo số ${i + 1}, bảo đảm các điều kiện về đội ngũ, cơ sở vật chất và kinh phí thực hiện trên địa bàn tỉnh`,
        "Sở Giáo dục và Đào tạo",
        "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường",
        `Quý ${["I", "II", "III", "IV"][i % 4]} năm ${2026 + (i % 5)}`,
      ]),
    );
  }
  const doc = new Document({
    sections: [
      {
        children: [
          p("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", true),
          p("Số: 99/KH-UBND"),
          p("Lai Châu, ngày 02 tháng 3 năm 2026"),
          p("KẾ HOẠCH", true),
          p("Nâng cao chất lượng giáo dục và đào tạo giai đoạn 2026-2030"),
          ...prose,
          p("PHỤ LỤC"),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
