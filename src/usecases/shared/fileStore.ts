import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../errors.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface StoredFile {
  original_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** What a file really is, from its first bytes, whatever its name says. */
function sniff(buf: Buffer, name: string): string | null {
  const ext = path.extname(name).toLowerCase();
  if (buf.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "image/jpeg";
  if (buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50) {
    if (ext === ".docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext === ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return null;
}

/**
 * Keeps report attachments under <data dir>/files with a random name (the original name is only
 * metadata), after checking size and that the content is a PDF, DOCX, XLSX, PNG or JPEG.
 */
export class FileStore {
  constructor(readonly root: string) {}

  save(name: string, buf: Buffer): StoredFile {
    if (buf.length === 0) throw new AppError("BAD_INPUT_FILE", `Tệp "${name}" rỗng.`);
    if (buf.length > MAX_ATTACHMENT_BYTES)
      throw new AppError("BAD_INPUT_FILE", `Tệp "${name}" quá lớn (tối đa 10 MB).`);
    const mime = sniff(buf, name);
    if (!mime) {
      throw new AppError(
        "BAD_INPUT_FILE",
        `Tệp "${name}" không được nhận: chỉ nhận PDF, DOCX, XLSX, PNG, JPG.`,
      );
    }
    const stored = `${randomUUID()}${path
      .extname(name)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "")}`;
    fs.mkdirSync(this.root, { recursive: true });
    fs.writeFileSync(path.join(this.root, stored), buf, { flag: "wx" });
    return {
      original_name: path.basename(name).slice(0, 200),
      stored_name: stored,
      mime,
      size: buf.length,
      sha256: createHash("sha256").update(buf).digest("hex"),
    };
  }

  pathOf(stored: string): string {
    const p = path.join(this.root, path.basename(stored));
    if (!fs.existsSync(p)) throw new AppError("NOT_FOUND", "Tệp đính kèm không còn trên máy chủ.");
    return p;
  }

  remove(stored: string): void {
    fs.rmSync(path.join(this.root, path.basename(stored)), { force: true });
  }
}
