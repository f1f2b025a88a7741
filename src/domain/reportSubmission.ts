/**
 * How a body's report moves (one table, checked by every use case): the body drafts and submits; the
 * coordinator returns it with a reason or accepts it; a returned report is drafted and submitted again.
 */
export type RoundKind = "six_month" | "annual" | "review_mid" | "review_final";
export const ROUND_KINDS: RoundKind[] = ["six_month", "annual", "review_mid", "review_final"];
export type SubmissionStatus = "pending" | "draft" | "submitted" | "returned" | "accepted";

export type SubmissionAction = "draft" | "submit" | "return" | "accept" | "chase";

const FROM: Record<SubmissionAction, SubmissionStatus[]> = {
  draft: ["pending", "draft", "returned"],
  submit: ["pending", "draft", "returned"],
  return: ["submitted"],
  accept: ["submitted"],
  chase: ["pending", "draft", "returned"],
};

const TO: Record<Exclude<SubmissionAction, "chase">, SubmissionStatus> = {
  draft: "draft",
  submit: "submitted",
  return: "returned",
  accept: "accepted",
};

export function canDo(action: SubmissionAction, status: SubmissionStatus): boolean {
  return FROM[action].includes(status);
}

export function nextStatus(action: Exclude<SubmissionAction, "chase">): SubmissionStatus {
  return TO[action];
}

/** Late: not in by the due date (a report submitted on the due date is on time). */
export function isLate(
  s: { status: SubmissionStatus; submittedOn: string | null },
  dueOn: string,
  today: string,
): boolean {
  if (s.submittedOn) return s.submittedOn > dueOn;
  return today > dueOn;
}

/** The judgement parts a body may write (the keys of the generated drafts). */
export const JUDGEMENT_KEYS = [
  "direction",
  "tasks",
  "targets",
  "causes",
  "next",
  "proposals",
  "overall",
  "lessons",
] as const;
