import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../../errors.ts";
import type { CheckedFile } from "../../import/readers/guardedFile.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface StoredFile {
  original_name: string;
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
}

/**
 * Keeps report attachments under <data dir>/files with a random name (the original name is only
 * metadata). Only files that went through `checkFile` (import/readers/guardedFile.ts) come here: the
 * stored type, extension and download name are those of the content, never of the name it came with.
 */
export class FileStore {
  constructor(readonly root: string) {}

  save(file: CheckedFile, buf: Buffer): StoredFile {
    if (buf.length === 0 || buf.length !== file.size) {
      throw new AppError("BAD_INPUT_FILE", `Tệp «${file.downloadName}» không khớp với tệp đã kiểm tra.`);
    }
    const stored = `${randomUUID()}${file.ext}`;
    fs.mkdirSync(this.root, { recursive: true });
    fs.writeFileSync(path.join(this.root, stored), buf, { flag: "wx" });
    return {
      original_name: file.downloadName,
      stored_name: stored,
      mime: file.mime,
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
