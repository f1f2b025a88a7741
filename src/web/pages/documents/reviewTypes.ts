import type { PlanDraft } from "../../../import/draft.ts";
import type { draftToConfirmed } from "../../../import/toConfirmed.ts";

export type Confirmed = ReturnType<typeof draftToConfirmed>;
export type ReviewTask = Confirmed["tasks"][number];
export type { PlanDraft };

export interface UnitOption {
  id: number;
  fullName: string;
  validTo: string | null;
}
