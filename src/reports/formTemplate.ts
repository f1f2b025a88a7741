import ExcelJS from "exceljs";
import { type FormSection, SECTION_TITLE } from "../domain/educationLevels.ts";
import { numberFrom } from "../domain/numbers.ts";
import { AppError } from "../errors.ts";
import { safeCell, safeValue, unsafeCell } from "./safeCells.ts";

export interface TemplateField {
  code: string;
  name: string;
  previous: number | null;
  value: number | null;
  comment: string | null;
  /** The form's section the field sits in; a heading row opens each section. */
  section?: FormSection;
}

const HEAD = ["Mã chỉ số", "Chỉ số", "Kỳ trước", "Giá trị", "Ghi chú"];
const META_SHEET = "lotrinh";

/** Which form a template was made from, at which version, with the values it showed then. */
export interface TemplateMeta {
  unitId: number;
  periodId: number;
  version: number;
  /** code → the value the template was given (null: empty). */
  values: Map<string, number | null>;
}

/**
 * The form as an Excel sheet a school or commune fills offline and uploads back. A hidden sheet keeps
 * the form's identity, version and values at download, so an upload over newer figures is refused
 * with what changed meanwhile.
 */
export async function formToXlsx(
  title: string,
  fields: TemplateField[],
  meta: { unitId: number; periodId: number; version: number },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Số liệu");
  ws.addRow([safeCell(title)]).font = { bold: true, size: 13 };
  ws.addRow(["Điền cột «Giá trị» (số, dấu phẩy thập phân được chấp nhận). Không sửa cột «Mã chỉ số»."]).font =
    { italic: true };
  const head = ws.addRow(HEAD);
  head.font = { bold: true };
  let section: FormSection | undefined;
  for (const f of fields) {
    // a heading row has no code, so reading the sheet back passes over it
    if (f.section && f.section !== section) {
      section = f.section;
      ws.addRow(["", SECTION_TITLE[section]]).font = { bold: true };
    }
    ws.addRow([f.code, f.name, f.previous, f.value, f.comment ?? ""].map(safeValue));
  }
  [26, 60, 12, 14, 40].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const hidden = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  hidden.addRow(["unit", meta.unitId]);
  hidden.addRow(["period", meta.periodId]);
  hidden.addRow(["version", meta.version]);
  for (const f of fields) hidden.addRow(["value", f.code, f.value]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface UploadedRow {
  row: number;
  code: string;
  value: number | null;
  comment: string | null;
}

function readMeta(wb: ExcelJS.Workbook): TemplateMeta | null {
  const sheet = wb.getWorksheet(META_SHEET);
  if (!sheet) return null;
  const meta: Partial<TemplateMeta> = { values: new Map() };
  sheet.eachRow((r) => {
    const key = String(r.getCell(1).value ?? "");
    const n = Number(r.getCell(2).value);
    if (key === "unit") meta.unitId = n;
    else if (key === "period") meta.periodId = n;
    else if (key === "version") meta.version = n;
    else if (key === "value") {
      const v = r.getCell(3).value;
      meta.values?.set(String(r.getCell(2).value ?? ""), typeof v === "number" ? v : null);
    }
  });
  const ok = [meta.unitId, meta.periodId, meta.version].every((x) => Number.isInteger(x));
  return ok ? (meta as TemplateMeta) : null;
}

/** Reads an uploaded sheet back; every row that cannot be read is reported, and nothing is saved. */
export async function readFormXlsx(buf: Buffer): Promise<{ rows: UploadedRow[]; meta: TemplateMeta | null }> {
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
    const cell = r.getCell(4).value;
    if (!code) {
      // a section heading or a blank line: a value typed there belongs to no field and would be lost
      if (cell !== null && cell !== undefined && String(cell).trim() !== "")
        errs.push({ row: n, message: `dòng ${n}: có giá trị nhưng không có mã chỉ số (dòng tiêu đề mục?)` });
      return;
    }
    // a formula cell counts by its computed result
    const raw = cell !== null && typeof cell === "object" && "result" in cell ? cell.result : cell;
    let value: number | null = null;
    if (raw !== null && raw !== undefined && String(raw).trim() !== "") {
      // a number cell as it is; text ("1.234,5", "99,8") read the Vietnamese way
      const parsed = numberFrom(typeof raw === "number" ? raw : String(raw));
      if (parsed.ok) value = parsed.value;
      else errs.push({ row: n, message: `dòng ${n}: ${parsed.reason}` });
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
  return { rows: out, meta: readMeta(wb) };
}
