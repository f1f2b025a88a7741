import type { AppError } from "../../errors.ts";
import { type CheckedFile, checkFile, type FilePolicy } from "../../import/readers/guardedFile.ts";
import { readDocument, type SourceDocument } from "../../import/readers/readDocument.ts";
import { readFormXlsx, type UploadedRow } from "../../reports/formTemplate.ts";

/** What the pool is asked to do with an untrusted file: always checked first, then maybe read. */
export type FileTask =
  | { op: "check"; name: string; bytes: Uint8Array; policy: FilePolicy }
  | { op: "plan"; name: string; bytes: Uint8Array; policy: FilePolicy }
  | { op: "formXlsx"; name: string; bytes: Uint8Array; policy: FilePolicy };

export type FileTaskResult =
  | { ok: true; file: CheckedFile; document?: SourceDocument; rows?: UploadedRow[] }
  | { ok: false; code: string; message: string; details?: unknown };

/** Runs in a worker thread (piscina): AppErrors travel back as plain data and are rebuilt there. */
export default async function runFileTask(task: FileTask): Promise<FileTaskResult> {
  try {
    const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const file = await checkFile(task.name, buf, task.policy);
    if (task.op === "plan") return { ok: true, file, document: await readDocument(task.name, buf) };
    if (task.op === "formXlsx") return { ok: true, file, rows: (await readFormXlsx(buf)).rows };
    return { ok: true, file };
  } catch (e) {
    // by shape, not instanceof: what crosses the thread boundary is plain data either way
    if (looksLikeAppError(e)) return { ok: false, code: e.code, message: e.message, details: e.details };
    return { ok: false, code: "BAD_INPUT_FILE", message: "Không đọc được tệp (tệp hỏng)." };
  }
}

function looksLikeAppError(e: unknown): e is AppError {
  const x = e as Partial<AppError> | null;
  return x?.name === "AppError" && typeof x.code === "string" && typeof x.message === "string";
}
