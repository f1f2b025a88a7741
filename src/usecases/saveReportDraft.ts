import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { JUDGEMENT_KEYS } from "../domain/reportSubmission.ts";
import type { Actor } from "../domain/roles.ts";
import { notifySubmissionStep } from "./shared/reportNotifications.ts";
import { changeSubmission } from "./shared/submissionChange.ts";
import { isoDate, z } from "./shared/zod.ts";

/** The parts only the body can write (assessment, causes, proposals…), by key. */
export const Judgements = z.partialRecord(z.enum(JUDGEMENT_KEYS), z.string().max(20_000));

export const DraftInput = z.object({
  version: z.number().int().positive(),
  content: Judgements,
  number: z.number().int().positive().max(99_999).nullable().optional(),
  issuedOn: isoDate.nullable().optional(),
  signer: z.string().trim().max(200).nullable().optional(),
});

function patchOf(input: z.infer<typeof DraftInput>) {
  return {
    content: JSON.stringify(input.content),
    ...(input.number !== undefined ? { number: input.number } : {}),
    ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
    ...(input.signer !== undefined ? { signer: input.signer } : {}),
  };
}

/** The body keeps its draft (its own words beside the generated figures) without sending it. */
export async function saveReportDraft(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof DraftInput>,
  now: Date,
) {
  const input = DraftInput.parse(raw);
  return changeSubmission(db, actor, id, input.version, "draft", now, () => ({
    status: "draft",
    ...patchOf(input),
  }));
}

/**
 * The body sends its report (its last words saved with it); the round's coordinators are told, and
 * then accept or return it.
 */
export async function submitReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof DraftInput>,
  now: Date,
) {
  const input = DraftInput.parse(raw);
  return changeSubmission(
    db,
    actor,
    id,
    input.version,
    "submit",
    now,
    () => ({
      status: "submitted",
      ...patchOf(input),
      submitted_at: now,
      submitted_by: actor.id,
      reason: null,
    }),
    async (trx, _cur, fresh) => ({ notified: await notifySubmissionStep(trx, "submitted", fresh, now) }),
  );
}
