import ExcelJS from "exceljs";
import { AppError } from "../errors.ts";
import { safeCell, safeValue, unsafeCell } from "./safeCells.ts";

export interface TemplateField {
  code: string;
  name: string;
  previous: number | null;
  value: number | null;
  comment: string | null;
}

const HEAD = ["Mã chỉ số", "Chỉ số", "Kỳ trước", "Giá trị", "Ghi chú"];

/** The form as an Excel sheet a school or commune fills offline and uploads back. */
export async function formToXlsx(title: string, fields: TemplateField[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  ws.addRow([safeCell(title)]).font = { bold: true, size: 13 };
  ws.addRow(["Điền cột «Giá trị» (số, dấu phẩy thập phân được chấp nhận). Không sửa cột «Mã chỉ số»."]).font =
    { italic: true };
  const head = ws.addRow(HEAD);
  head.font = { bold: true };
  for (const f of fields) ws.addRow([f.code, f.name, f.previous, f.value, f.comment ?? ""].map(safeValue));
  [26, 60, 12, 14, 40].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface UploadedRow {
  row: number;
  code: string;
  value: number | null;
  comment: string | null;
}

/** Reads an uploaded sheet back; every row that cannot be read is reported, and nothing is saved. */
export async function readFormXlsx(buf: Buffer): Promise<UploadedRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError("BAD_INPUT_FILE", "Không đọc được tệp Excel (.xlsx).");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("BAD_INPUT_FILE", "Tệp Excel không có trang tính nào.");
  let headerRow = 0;
  ws.eachRow((r, n) => {
    if (!headerRow && String(r.getCell(1).value ?? "").trim() === HEAD[0]) headerRow = n;
  });
  if (!headerRow)
    throw new AppError(
      "BAD_INPUT_FILE",
      "Không thấy dòng tiêu đề «Mã chỉ số» — hãy dùng biểu mẫu tải từ Lộ Trình.",
    );
  const out: UploadedRow[] = [];
  const errs: { row: number; message: string }[] = [];
  ws.eachRow((r, n) => {
    if (n <= headerRow) return;
    const code = String(r.getCell(1).value ?? "").trim();
    if (!code) return;
    const raw = r.getCell(4).value;
    let value: number | null = null;
    if (raw !== null && raw !== undefined && String(raw).trim() !== "") {
      value = typeof raw === "number" ? raw : Number(String(raw).trim().replace(/\./g, "").replace(",", "."));
      if (!Number.isFinite(value))
        errs.push({ row: n, message: `dòng ${n}: «${String(raw)}» không phải số` });
    }
    const comment = unsafeCell(String(r.getCell(5).value ?? "").trim()) || null;
    out.push({ row: n, code, value, comment });
  });
  if (errs.length)
    throw new AppError(
      "VALIDATION_FAILED",
      `${errs.map((e) => e.message).join("; ")}. Không có gì được lưu.`,
      { rows: errs },
    );
  return out;
}
