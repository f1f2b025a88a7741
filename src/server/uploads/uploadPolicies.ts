import type { FilePolicy } from "../../import/readers/guardedFile.ts";
import { MAX_FILE_BYTES } from "../../import/readers/readText.ts";
import { DOCX_ZIP_LIMITS } from "../../import/readers/zipGuard.ts";

const MB = 1024 * 1024;

/** A plan document to read (never stored as a file): text, DOCX or PDF up to 20 MB. */
export const PLAN_FILE: FilePolicy = {
  label: "văn bản kế hoạch",
  maxBytes: MAX_FILE_BYTES,
  kinds: ["text", "docx", "pdf"],
  zip: DOCX_ZIP_LIMITS,
};

/** A report attachment, stored and served back: PDF, DOCX, XLSX, PNG, JPEG up to 10 MB. */
export const ATTACHMENT_FILE: FilePolicy = {
  label: "tệp đính kèm",
  maxBytes: 10 * MB,
  kinds: ["pdf", "docx", "xlsx", "png", "jpeg"],
  zip: DOCX_ZIP_LIMITS,
  maxRows: 10_000,
  refuseFormulas: "external",
};

/** A filled-in form template: one sheet of a few hundred rows; 5 000 rows is already far too many. */
export const FORM_XLSX_FILE: FilePolicy = {
  label: "biểu Excel",
  maxBytes: 5 * MB,
  kinds: ["xlsx"],
  zip: { maxEntries: 200, maxTotalBytes: 15 * MB, maxEntryBytes: 10 * MB },
  maxRows: 5000,
  refuseFormulas: "all",
};

/** All the files of one progress report together. */
export const MAX_REPORT_FILES_BYTES = 25 * MB;
