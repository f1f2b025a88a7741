/**
 * The tables of a report as XLSX, one sheet each: a title row, a bold header row frozen under it,
 * column widths, number formats (1.234,5 shows in the reader's locale), borders, print area on A4
 * (landscape when the table is wide), fitted to the page width.
 */
import ExcelJS from "exceljs";
import { type ReportModel, type ReportTable, tablesOf } from "./model.ts";

const FONT = "Times New Roman";
const FORMATS = { int: "#,##0", number: "#,##0.0", percent: "0.0%", text: "@" } as const;
const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheetName(t: ReportTable, used: Set<string>): string {
  const base = t.sheet.replace(/[\\/?*[\]:]/g, " ").slice(0, 28) || "Bảng";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`;
  used.add(name);
  return name;
}

function addTable(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const wide = t.columns.reduce((s, c) => s + c.width, 0) > 100;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: wide ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "2:2",
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  const n = t.columns.length;
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: FONT, size: 13, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 36;
  const head = ws.getRow(2);
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
    ws.getColumn(i + 1).width = c.width;
  });
  const groups = new Set(t.groupRows ?? []);
  t.rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 3);
    if (groups.has(ri)) {
      ws.mergeCells(ri + 3, 1, ri + 3, n);
      const cell = row.getCell(1);
      cell.value = String(r[0] ?? "");
      cell.font = { name: FONT, size: 12, bold: true };
      cell.border = BORDER;
      return;
    }
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = r[i] ?? null;
      cell.value = v;
      cell.font = { name: FONT, size: 12 };
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: c.kind === "text" };
      if (typeof v === "number") cell.numFmt = FORMATS[c.kind];
    });
  });
  ws.pageSetup.printArea = `A1:${ws.getColumn(n).letter}${t.rows.length + 2}`;
}

export async function reportToXlsx(m: ReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Lộ Trình";
  const used = new Set<string>();
  const tables = tablesOf(m);
  for (const t of tables) addTable(wb, t, sheetName(t, used));
  if (tables.length === 0)
    addTable(
      wb,
      {
        id: "empty",
        sheet: "Báo cáo",
        title: m.summary,
        columns: [{ header: "Ghi chú", kind: "text", width: 60 }],
        rows: [["Báo cáo không có bảng số liệu."]],
      },
      "Báo cáo",
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
