import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "../../errors.ts";

export async function pdfToText(buf: Buffer): Promise<string> {
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
  return text;
}
