import { AppError } from "../../errors.ts";

const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 5000;

/**
 * Reads a ZIP's central directory (without inflating anything) and refuses archives that would
 * expand beyond reason: a DOCX "zip bomb" is stopped before mammoth opens it.
 */
export function assertSafeZip(buf: Buffer): void {
  const bad = (m: string) => new AppError("BAD_INPUT_FILE", m);
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50)
    throw bad("Tệp .docx không hợp lệ (không phải tệp Word).");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad("Tệp .docx bị hỏng (không đọc được mục lục của tệp nén).");
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) throw bad("Tệp .docx có quá nhiều thành phần; từ chối để bảo vệ máy chủ.");
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad("Tệp .docx bị hỏng.");
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    total += uncompressed;
    if (uncompressed > 1_000_000 && uncompressed / Math.max(1, compressed) > MAX_RATIO) {
      throw bad(
        "Tệp .docx có dấu hiệu «bom nén» (giải nén ra dung lượng bất thường); từ chối, không có gì được lưu.",
      );
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  if (total > MAX_UNCOMPRESSED) throw bad("Tệp .docx giải nén ra quá lớn; từ chối, không có gì được lưu.");
}
