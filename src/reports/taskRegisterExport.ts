import ExcelJS from "exceljs";
import { formatVnDate } from "../domain/dates.ts";
import { type OccurrenceState, stateLabel, type Timeliness, timelinessLabel } from "../domain/status.ts";
import { safeCell } from "./safeCells.ts";

export interface RegisterExportRow {
  ref: string;
  title: string;
  lead: string | null;
  support: string | null;
  timeframe_text: string;
  label: string;
  due_on: string | null;
  state: string;
  timeliness: Timeliness;
  result: string | null;
  document_number: string | null;
}

const HEADERS = [
  "TT",
  "Nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian",
  "Tình trạng",
  "Kết quả",
];

function cells(r: RegisterExportRow): string[] {
  const time = `${r.timeframe_text}${r.due_on ? ` (${r.label}: hạn ${formatVnDate(r.due_on)})` : ` (${r.label})`}`;
  const status = `${stateLabel[r.state as OccurrenceState] ?? r.state} — ${timelinessLabel[r.timeliness]}`;
  return [r.ref, r.title, r.lead ?? "", r.support ?? "", time, status, r.result ?? ""].map(safeCell);
}

/** The register in the appendix layout of a plan (TT, Nhiệm vụ, Cơ quan chủ trì, …), as XLSX. */
export async function registerToXlsx(rows: RegisterExportRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Lộ Trình";
  const ws = wb.addWorksheet("Nhiệm vụ", {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1 },
  });
  ws.mergeCells(1, 1, 1, HEADERS.length);
  const t = ws.getCell(1, 1);
  t.value = safeCell(title);
  t.font = { name: "Times New Roman", size: 13, bold: true };
  t.alignment = { horizontal: "center" };
  const head = ws.addRow(HEADERS);
  head.font = { name: "Times New Roman", size: 12, bold: true };
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  let lastDoc: string | null | undefined;
  for (const r of rows) {
    if (r.document_number !== lastDoc) {
      const g = ws.addRow([safeCell(`Kế hoạch ${r.document_number ?? "(chưa có số)"}`)]);
      ws.mergeCells(g.number, 1, g.number, HEADERS.length);
      g.font = { name: "Times New Roman", size: 12, bold: true, italic: true };
      lastDoc = r.document_number;
    }
    const row = ws.addRow(cells(r));
    row.font = { name: "Times New Roman", size: 12 };
    row.alignment = { vertical: "top", wrapText: true };
  }
  const widths = [8, 60, 30, 30, 28, 24, 40];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    });
  });
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same rows as CSV (UTF-8 with BOM so Excel opens the Vietnamese correctly). */
export function registerToCsv(rows: RegisterExportRow[]): string {
  const esc = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [HEADERS, ...rows.map(cells)].map((r) => r.map(esc).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
