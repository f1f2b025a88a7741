import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import type { StoredFile } from "./shared/fileStore.ts";
import type { IdempotencyKey } from "./shared/idempotent.ts";
import { type ChangeRequest, changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const ProgressInput = z.object({
  version: z.coerce.number().int().positive(),
  text: z.string().trim().min(1, "Hãy ghi nội dung đã thực hiện").max(10_000),
  percent: z.coerce.number().int().min(0).max(100).optional(),
  product: z.string().trim().max(2000).optional(),
  links: z.array(z.url("Đường dẫn không hợp lệ").max(2000)).max(20).default([]),
});
export type ProgressInput = z.input<typeof ProgressInput>;

/**
 * A progress report by the lead body, or the part a coordinating body contributes. Sent again with the
 * same idempotency key (a report queued offline), it returns the first answer and adds nothing.
 */
export async function postProgressUpdate(
  db: Kysely<Database>,
  actor: Actor,
  occurrenceId: number,
  raw: ProgressInput,
  by: Relation,
  today: string,
  files: StoredFile[] = [],
  idempotency: IdempotencyKey | null = null,
  /** The occurrence as the route read it (shared/occurrenceChange.ts: not read again). */
  current?: ChangeRequest["current"],
) {
  const input = ProgressInput.parse(raw);
  const role = by === "support" ? "support" : "lead";
  return changeOccurrence(
    db,
    actor,
    occurrenceId,
    {
      action: role === "lead" ? "progress" : "contribute",
      by,
      version: input.version,
      today,
      idempotency,
      current,
    },
    (cur) => {
      const percent = role === "lead" && input.percent !== undefined ? input.percent : cur.percent;
      return {
        patch: { percent },
        entry: {
          kind: role === "lead" ? "progress" : "contribution",
          text: input.text,
          percent: role === "lead" ? (input.percent ?? null) : null,
          product: input.product ?? null,
          links: JSON.stringify(input.links),
        },
        audit: role === "lead" ? "occurrence.progress" : "occurrence.contribution",
      };
    },
    async (trx, updateId) => {
      if (files.length === 0) return;
      await trx
        .insertInto("attachment")
        .values(files.map((f) => ({ update_id: updateId, ...f })))
        .execute();
    },
  );
}
