import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { SaxesParser } from "saxes";
import { AppError } from "../../errors.ts";
import { inflateZip, type ZipEntry, type ZipLimits } from "./zipInflate.ts";

/**
 * The one way a file from outside gets in (plan import, report attachments, XLSX forms): its size,
 * what it really is (sniffed, whatever its name says), and for archives what they really inflate to.
 * Pure of I/O, so it runs in the worker pool (`server/uploads/filePool.ts`) as well as in the CLI.
 */
export type FileKind = "pdf" | "docx" | "xlsx" | "png" | "jpeg" | "text";

export interface FilePolicy {
  /** What the caller calls this file in messages: "văn bản kế hoạch", "tệp đính kèm", "biểu Excel". */
  label: string;
  maxBytes: number;
  kinds: readonly FileKind[];
  zip: ZipLimits;
  /** XLSX only: rows allowed over all sheets. */
  maxRows?: number;
  /**
   * XLSX only: "all" refuses any formula (a form wants typed values); "external" refuses formulas that
   * reach outside the sheet (DDE `cmd|…`, WEBSERVICE, HYPERLINK, CALL…), which run on the reader's machine.
   */
  refuseFormulas?: "all" | "external";
}

export interface CheckedFile {
  kind: FileKind;
  /** The type the file is stored and served as — from its content, never from its name. */
  mime: string;
  ext: string;
  /** The original name with the extension of what the file really is. */
  downloadName: string;
  size: number;
}

const MIME: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpeg: "image/jpeg",
  text: "text/plain; charset=utf-8",
};
const EXT: Record<FileKind, string> = {
  pdf: ".pdf",
  docx: ".docx",
  xlsx: ".xlsx",
  png: ".png",
  jpeg: ".jpg",
  text: ".txt",
};
const LABEL: Record<FileKind, string> = {
  pdf: "PDF",
  docx: "DOCX",
  xlsx: "XLSX",
  png: "PNG",
  jpeg: "JPG",
  text: "văn bản thuần (.txt, .md)",
};

/** Markup a browser would run if it ever rendered the file: a disguise, whatever the magic bytes say. */
const ACTIVE_MARKUP =
  /<(?:script|html|svg|iframe|object|embed|body|!doctype\s+html)[\s>/]|<\?xml-stylesheet/i;
const SNIFF_WINDOW = 64 * 1024;

function bad(message: string): AppError {
  return new AppError("BAD_INPUT_FILE", message);
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;

async function detectKind(bytes: Uint8Array): Promise<FileKind | "zip" | null> {
  const found = await fileTypeFromBuffer(bytes);
  switch (found?.mime) {
    case "application/pdf":
      return "pdf";
    case "image/png":
      return "png";
    case "image/jpeg":
      return "jpeg";
    case "application/zip":
    case MIME.docx:
    case MIME.xlsx:
      return "zip";
    default:
      // not a known binary: text for the plan reader to judge (it names TCVN3/VNI and binary data)
      return found ? null : "text";
  }
}

/** An OOXML package is a DOCX or an XLSX by the parts it holds, not by what its name or header say. */
function officeKind(entries: ZipEntry[]): FileKind | null {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml")) return null;
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  return null;
}

const DTD = [Buffer.from("<!DOCTYPE"), Buffer.from("<!ENTITY")];

/** Office XML never carries a DTD: one means entity expansion (billion laughs) or XXE. */
function assertNoDtd(entries: ZipEntry[]): void {
  for (const e of entries) {
    const bytes = Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength);
    if (DTD.some((d) => bytes.includes(d))) {
      throw bad(`Tệp có khai báo DTD/thực thể XML trong «${e.name}» (dấu hiệu tấn công XXE); từ chối.`);
    }
  }
}

const EXTERNAL_FORMULA =
  /\||\b(?:WEBSERVICE|HYPERLINK|CALL|REGISTER(?:\.ID)?|EXEC|FILTERXML|IMPORTXML|RTD)\s*\(/i;

/**
 * Reads the sheets with a streaming XML parser: counts <row> elements, stopping past the limit, and
 * (for forms) stops at the first formula.
 */
function scanSheets(entries: ZipEntry[], policy: FilePolicy): void {
  const maxRows = policy.maxRows ?? Number.POSITIVE_INFINITY;
  let rows = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const parser = new SaxesParser();
    let inFormula = false;
    parser.on("opentag", (tag) => {
      const local = tag.name.slice(tag.name.indexOf(":") + 1);
      if (local === "row" && ++rows > maxRows) {
        throw bad(`Tệp Excel có quá nhiều dòng (hơn ${maxRows.toLocaleString("vi")}); từ chối.`);
      }
      inFormula = local === "f";
      if (inFormula && policy.refuseFormulas === "all") {
        throw bad("Tệp Excel có ô chứa công thức: hãy chép rồi dán giá trị (Paste Values) trước khi nạp.");
      }
    });
    parser.on("text", (text) => {
      if (inFormula && policy.refuseFormulas === "external" && EXTERNAL_FORMULA.test(text)) {
        throw bad("Tệp Excel có công thức gọi ra ngoài bảng tính (DDE, WEBSERVICE, HYPERLINK…); từ chối.");
      }
    });
    parser.on("closetag", () => {
      inFormula = false;
    });
    parser.on("error", () => {
      throw bad("Tệp Excel bị hỏng (nội dung trang tính không đọc được).");
    });
    parser.write(Buffer.from(e.bytes).toString("utf8")).close();
  }
}

function checkZip(bytes: Uint8Array, policy: FilePolicy): FileKind {
  const keep = (name: string) => /\.(xml|rels)$/i.test(name);
  const entries = inflateZip(bytes, policy.zip, keep);
  const kind = officeKind(entries);
  if (!kind || !policy.kinds.includes(kind)) return refuseKind(policy);
  assertNoDtd(entries);
  if (kind === "xlsx") scanSheets(entries, policy);
  return kind;
}

function refuseKind(policy: FilePolicy): never {
  throw bad(
    `Không nhận loại tệp này làm ${policy.label}: chỉ nhận ${policy.kinds.map((k) => LABEL[k]).join(", ")}.`,
  );
}

export async function checkFile(name: string, bytes: Uint8Array, policy: FilePolicy): Promise<CheckedFile> {
  if (bytes.length === 0) throw bad(`Tệp «${name}» rỗng: không có nội dung.`);
  if (bytes.length > policy.maxBytes)
    throw bad(
      `Tệp «${name}» quá lớn (${mb(bytes.length)}); tối đa ${mb(policy.maxBytes)} cho ${policy.label}.`,
    );
  const detected = await detectKind(bytes);
  if (detected === null) return refuseKind(policy);
  if (detected !== "text") {
    // a PDF or an image that also carries HTML/SVG (a polyglot) is refused even though it is "valid"
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_WINDOW));
    if (ACTIVE_MARKUP.test(head.toString("latin1"))) {
      throw bad(`Tệp «${name}» chứa mã HTML/SVG lẫn trong nội dung (tệp ngụy trang); từ chối.`);
    }
  }
  const kind = detected === "zip" ? checkZip(bytes, policy) : detected;
  if (!policy.kinds.includes(kind)) return refuseKind(policy);
  const base = [...path.basename(name)].map((c) => (c < " " || '\\/:*?"<>|'.includes(c) ? "_" : c)).join("");
  const stem = base.slice(0, base.length - path.extname(base).length) || "tep";
  return {
    kind,
    mime: MIME[kind],
    ext: EXT[kind],
    downloadName: `${stem.slice(0, 180)}${EXT[kind]}`,
    size: bytes.length,
  };
}
