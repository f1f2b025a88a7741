import path from "node:path";
import { AppError } from "../../errors.ts";
import { docxToText } from "./docx.ts";
import { pdfToText } from "./pdf.ts";
import { checkSize, decodeText } from "./readText.ts";

export type SourceFormat = "text" | "docx" | "pdf";

export interface SourceDocument {
  name: string;
  format: SourceFormat;
  text: string;
}

function formatOf(name: string, buf: Buffer): SourceFormat {
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (buf.readUInt32LE(0) === 0x04034b50) return "docx";
  const ext = path.extname(name).toLowerCase();
  if (ext === ".pdf") return "pdf";
  if (ext === ".docx") return "docx";
  if (ext === ".doc") {
    throw new AppError(
      "BAD_INPUT_FILE",
      "Tệp .doc (Word cũ) chưa đọc được: hãy lưu lại thành .docx hoặc PDF rồi nhập.",
    );
  }
  return "text";
}

/** Reads a plan document (text/Markdown, DOCX or PDF with a text layer) into plain text. */
export async function readDocument(name: string, buf: Buffer): Promise<SourceDocument> {
  checkSize(buf.length);
  const format = buf.length >= 4 ? formatOf(name, buf) : "text";
  if (format === "text") return { name, format, text: decodeText(buf) };
  if (format === "docx") {
    const text = docxToText(buf);
    if (!text.trim()) throw new AppError("BAD_INPUT_FILE", "Tệp .docx không có nội dung chữ.");
    return { name, format, text };
  }
  return { name, format, text: await pdfToText(buf) };
}
