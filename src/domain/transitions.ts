import type { OccurrenceState } from "./status.ts";

/**
 * What may happen to an occurrence, by whom, from which state, and what it becomes — the one home of
 * the task state machine (DOMAIN.md §4). Every use case that changes an occurrence asks `transition`;
 * the server sends `allowedActions` to the web, which shows exactly those buttons.
 */
export const OCCURRENCE_ACTIONS = [
  "progress",
  "contribute",
  "propose",
  "confirm",
  "return",
  "pause",
  "resume",
  "extend",
  "chase",
] as const;
export type OccurrenceAction = (typeof OCCURRENCE_ACTIONS)[number];

/**
 * The caller as the occurrence sees them: an officer of the lead body (chủ trì), of a coordinating
 * body (phối hợp), a province coordinator (or administrator), or someone who only reads.
 */
export const RELATIONS = ["lead", "support", "coordinator", "viewer"] as const;
export type Relation = (typeof RELATIONS)[number];

/**
 * "same": the state does not change; "started": work reported on a task not started puts it in
 * progress, other states stay; "before_pause": back to the state the pause interrupted.
 */
type Target = OccurrenceState | "same" | "started" | "before_pause";

interface Rule {
  by: readonly Relation[];
  from: readonly OccurrenceState[];
  to: Target;
  /** Why the action is refused in any other state. */
  refused: string;
  /** Why it is refused to anyone not in `by`. */
  forbidden: string;
}

const OPEN: readonly OccurrenceState[] = ["not_started", "in_progress", "awaiting_confirmation", "paused"];
const COORDINATOR_ONLY =
  "Chỉ điều phối viên được xác nhận, trả lại, gia hạn, tạm dừng hoặc đôn đốc nhiệm vụ.";

export const TRANSITIONS: Record<OccurrenceAction, Rule> = {
  progress: {
    by: ["lead"],
    from: OPEN,
    to: "started",
    refused: "Nhiệm vụ đã được xác nhận hoàn thành; không báo cáo thêm.",
    forbidden: "Chỉ cán bộ của cơ quan chủ trì hoặc phối hợp được báo cáo tiến độ.",
  },
  contribute: {
    by: ["support"],
    from: OPEN,
    to: "started",
    refused: "Nhiệm vụ đã được xác nhận hoàn thành; không báo cáo thêm.",
    forbidden: "Chỉ cán bộ của cơ quan phối hợp gửi phần việc phối hợp.",
  },
  propose: {
    by: ["lead"],
    from: ["not_started", "in_progress"],
    to: "awaiting_confirmation",
    refused:
      "Chỉ báo cáo hoàn thành được nhiệm vụ đang thực hiện (không đang tạm dừng, chờ xác nhận hay đã hoàn thành).",
    forbidden: "Chỉ cơ quan chủ trì được báo cáo hoàn thành; cơ quan phối hợp gửi phần việc của mình.",
  },
  confirm: {
    by: ["coordinator"],
    from: ["awaiting_confirmation"],
    to: "done",
    refused: "Chỉ xác nhận được nhiệm vụ mà cơ quan chủ trì đã báo cáo hoàn thành.",
    forbidden: COORDINATOR_ONLY,
  },
  return: {
    by: ["coordinator"],
    from: ["awaiting_confirmation"],
    to: "in_progress",
    refused: "Nhiệm vụ không ở trạng thái chờ xác nhận.",
    forbidden: COORDINATOR_ONLY,
  },
  pause: {
    by: ["coordinator"],
    from: ["not_started", "in_progress", "awaiting_confirmation"],
    to: "paused",
    refused: "Chỉ tạm dừng được nhiệm vụ chưa hoàn thành và chưa tạm dừng.",
    forbidden: COORDINATOR_ONLY,
  },
  resume: {
    by: ["coordinator"],
    from: ["paused"],
    to: "before_pause",
    refused: "Nhiệm vụ không tạm dừng.",
    forbidden: COORDINATOR_ONLY,
  },
  extend: {
    by: ["coordinator"],
    from: OPEN,
    to: "same",
    refused: "Nhiệm vụ đã hoàn thành; không gia hạn.",
    forbidden: COORDINATOR_ONLY,
  },
  chase: {
    by: ["coordinator"],
    from: ["not_started", "in_progress"],
    to: "same",
    refused: "Chỉ đôn đốc được nhiệm vụ đang thực hiện (không tạm dừng, chờ xác nhận hay đã hoàn thành).",
    forbidden: COORDINATOR_ONLY,
  },
};

export interface OccurrenceNow {
  state: OccurrenceState;
  /** The state a pause interrupted (kept while paused), so resuming gives back a pending proposal. */
  resumeState: OccurrenceState | null;
}

export type TransitionResult =
  | { ok: true; to: OccurrenceState }
  | { ok: false; reason: "forbidden" | "state"; message: string };

/** The state `action` by `by` leads to from `now`, or why it is refused. */
export function transition(action: OccurrenceAction, by: Relation, now: OccurrenceNow): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.by.includes(by)) return { ok: false, reason: "forbidden", message: rule.forbidden };
  if (!rule.from.includes(now.state)) return { ok: false, reason: "state", message: rule.refused };
  if (rule.to === "same") return { ok: true, to: now.state };
  if (rule.to === "started") return { ok: true, to: now.state === "not_started" ? "in_progress" : now.state };
  if (rule.to === "before_pause") {
    const back = now.resumeState;
    return { ok: true, to: back && back !== "paused" && back !== "done" ? back : "in_progress" };
  }
  return { ok: true, to: rule.to };
}

/** The actions `by` may take on an occurrence now, in the table's order: what the web shows as buttons. */
export function allowedActions(by: Relation, now: OccurrenceNow): OccurrenceAction[] {
  return OCCURRENCE_ACTIONS.filter((a) => transition(a, by, now).ok);
}

/** States in which reminders chase the lead body: the same states in which a coordinator may chase. */
export const CHASED_STATES: readonly OccurrenceState[] = TRANSITIONS.chase.from;
