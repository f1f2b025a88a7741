import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import type { StoredFile } from "./shared/fileStore.ts";
import { changeSubmission } from "./shared/submissionChange.ts";

/** The signed scan of a body's report (PDF or image), kept with its draft until it is submitted. */
export async function attachReportScan(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  file: StoredFile,
  now: Date,
) {
  return changeSubmission(db, actor, id, version, "draft", now, (cur) => ({
    status: cur.status === "pending" ? "draft" : cur.status,
    scan_name: file.original_name,
    scan_stored: file.stored_name,
    scan_mime: file.mime,
    scan_size: file.size,
    scan_sha256: file.sha256,
  }));
}
