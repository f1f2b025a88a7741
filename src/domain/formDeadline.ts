/** A unit's form for a period is late once the period has ended and it is neither submitted nor approved. */
export function isFormLate(today: string, periodEnd: string, status: string | null): boolean {
  return today > periodEnd && status !== "submitted" && status !== "approved";
}
