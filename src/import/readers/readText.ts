import { AppError } from "../../errors.ts";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

function badFile(message: string): AppError {
  return new AppError("BAD_INPUT_FILE", message);
}

export function checkSize(bytes: number): void {
  if (bytes === 0) throw badFile("Tệp rỗng: không có nội dung để đọc.");
  if (bytes > MAX_FILE_BYTES) {
    throw badFile(
      `Tệp quá lớn (${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB); tối đa 20 MB cho một văn bản kế hoạch.`,
    );
  }
}

// Characters that TCVN3 (ABC) text shows when read as Windows-1252, and VNI's letter + mark pairs.
const TCVN3 = /[¸µ¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâäå«æéçèê¬ëîìíïó­ôøõö÷ùúûüþ]/g;
// VNI fonts write ư as "ö", đ as "ñ", the dot below as "ï", the hook as "û": letters Vietnamese never uses.
const VNI = /[öñïûÖÑÏÛ]/g;

/** Decodes a text file, refusing binary data and the pre-Unicode Vietnamese encodings. */
export function decodeText(buf: Buffer): string {
  checkSize(buf.length);
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  const sample = buf.subarray(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  if (sample.includes(0) || control > sample.length * 0.02) {
    throw badFile("Tệp không phải văn bản (dữ liệu nhị phân). Hãy chọn tệp .txt, .md, .docx hoặc .pdf.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    const latin = new TextDecoder("windows-1252").decode(buf);
    const hits = latin.match(TCVN3)?.length ?? 0;
    if (hits > 5) throw legacy("TCVN3 (ABC)");
    throw badFile("Tệp không ở dạng Unicode (UTF-8). Hãy lưu lại văn bản với bảng mã Unicode rồi nhập lại.");
  }
  // letters are counted only when a VNI letter shows up at all (a Unicode text has none)
  const vni = text.match(VNI)?.length ?? 0;
  if (vni > 0) {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters > 50 && vni > letters * 0.01) throw legacy("VNI");
  }
  // \s is trim()'s set, the byte-order mark included
  if (!/\S/.test(text)) throw badFile("Tệp rỗng: không có nội dung để đọc.");
  return text.replace(/^\uFEFF/, "");
}

function legacy(name: string): AppError {
  return badFile(
    `Văn bản dùng bảng mã cũ ${name}, chưa phải Unicode. Hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi nhập lại; chưa có gì được lưu.`,
  );
}
