import path from "node:path";
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "../../errors.ts";
import { htmlToText } from "./htmlToText.ts";
import { checkSize, decodeText } from "./readText.ts";
import { assertSafeZip } from "./zipGuard.ts";

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
    assertSafeZip(buf);
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: buf })).value;
    } catch {
      throw new AppError(
        "BAD_INPUT_FILE",
        "Không đọc được tệp .docx (tệp hỏng hoặc không phải văn bản Word).",
      );
    }
    const text = htmlToText(html);
    if (!text.trim()) throw new AppError("BAD_INPUT_FILE", "Tệp .docx không có nội dung chữ.");
    return { name, format, text };
  }
  let text: string;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(buf));
    text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    throw new AppError("BAD_INPUT_FILE", "Không đọc được tệp PDF (tệp hỏng hoặc được bảo vệ).");
  }
  if (text.replace(/\s/g, "").length < 20) {
    throw new AppError(
      "BAD_INPUT_FILE",
      "PDF này là bản scan, chưa có lớp chữ: hãy nhận dạng chữ (OCR) hoặc dùng bản .docx rồi nhập lại.",
    );
  }
  return { name, format, text };
}
