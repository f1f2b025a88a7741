import { AppError } from "../../errors.ts";
import { inflateZip, type ZipLimits } from "./zipInflate.ts";

const MB = 1024 * 1024;

/** A plan's document.xml is a few MB even for a long plan; 40 MB of XML is not a plan. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 80 * MB,
  maxEntryBytes: 40 * MB,
};

/**
 * Inflates a DOCX in memory-bounded steps and refuses it when it really expands beyond reason, before
 * mammoth opens it. The sizes the archive declares are not trusted (they can be forged): the bytes
 * actually produced are counted (`zipInflate.ts`).
 */
export function assertSafeZip(buf: Buffer): void {
  try {
    inflateZip(buf, DOCX_ZIP_LIMITS);
  } catch (e) {
    if (e instanceof AppError) {
      throw new AppError("BAD_INPUT_FILE", `Tệp .docx không đọc được: ${lowerFirst(e.message)}`);
    }
    throw e;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
