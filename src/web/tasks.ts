import { useQuery } from "@tanstack/react-query";
import type { Timeframe } from "../domain/timeframe.ts";
import type { OccurrenceAction } from "../domain/transitions.ts";
import { get } from "./api.ts";
import { getKept } from "./offline/kept.ts";
import { both } from "./texts.ts";

export type Timeliness =
  | "in_time"
  | "due_soon"
  | "overdue"
  | "no_deadline"
  | "done_on_time"
  | "done_late"
  | "done";
export type State = "not_started" | "in_progress" | "awaiting_confirmation" | "done" | "paused";

export const timelinessInfo: Record<Timeliness, { vi: string; en: string; color: string }> = {
  overdue: { ...both("timeliness.overdue"), color: "red" },
  due_soon: { ...both("timeliness.due_soon"), color: "orange" },
  in_time: { ...both("timeliness.in_time"), color: "blue" },
  no_deadline: { ...both("timeliness.no_deadline"), color: "gray" },
  done_on_time: { ...both("timeliness.done_on_time"), color: "teal" },
  done_late: { ...both("timeliness.done_late"), color: "yellow" },
  done: { ...both("timeliness.done"), color: "teal" },
};

export const stateInfo: Record<State, { vi: string; en: string }> = {
  not_started: both("state.not_started"),
  in_progress: both("state.in_progress"),
  awaiting_confirmation: both("state.awaiting_confirmation"),
  done: both("state.done"),
  paused: both("state.paused"),
};

export interface RegisterRow {
  id: number;
  label: string;
  kind: string;
  due_on: string | null;
  original_due_on: string | null;
  state: State;
  percent: number;
  completed_on: string | null;
  version: number;
  task_id: number;
  ref: string;
  title: string;
  timeframe_text: string;
  document_id: number;
  document_number: string | null;
  document_title: string | null;
  timeliness: Timeliness;
  lead: string | null;
  support: string | null;
  /** A member's share of a set-led task: its parent; a parent shows shares_done/shares_total. */
  share_of?: number | null;
  shares_done?: number | null;
  shares_total?: number;
  /** The body answering for it has ceased (đơn vị đã giải thể). */
  lead_ceased?: boolean;
}

export interface Update {
  id: number;
  kind: string;
  text: string;
  percent: number | null;
  product: string | null;
  links: string[] | null;
  due_before: string | null;
  due_after: string | null;
  author_name: string;
  created_at: string;
  attachments: { id: number; original_name: string; mime: string; size: number }[];
}

export interface TaskDetail {
  task: {
    id: number;
    ref: string;
    title: string;
    group_ref: string | null;
    group_title: string | null;
    timeframe_text: string;
    timeframe: Timeframe;
    product: string | null;
    note: string | null;
    document_id: number;
    document_number: string | null;
    document_title: string | null;
    version: number;
  };
  bodies: {
    role: "lead" | "support";
    text: string;
    unit_id: number | null;
    unit_name: string | null;
    set_kind: string | null;
  }[];
  occurrences: {
    id: number;
    label: string;
    kind: string;
    due_on: string | null;
    original_due_on: string | null;
    state: State;
    percent: number;
    completed_on: string | null;
    version: number;
    timeliness: Timeliness;
    /** What the signed-in person may do on it now (the server's transition table). */
    actions: OccurrenceAction[];
    updates: Update[];
    /** A member's share of a set-led task (its parent and member), or a parent's progress over shares. */
    share_of?: number | null;
    share_unit_name?: string | null;
    share_unit_valid_to?: string | null;
    shares?: { done: number; total: number } | null;
  }[];
  audit: { id: number; at: string; actor_name: string; action: string; before: unknown; after: unknown }[];
  /** What the server's policies allow the caller on this task. */
  can: { report: "lead" | "support" | null; coordinate: boolean; reassign: boolean };
}

export function useTask(id: number) {
  // kept on the device: a task opened once can be read, and reported on, with no link
  return useQuery({ queryKey: ["task", id], queryFn: () => getKept<TaskDetail>(`/api/tasks/${id}`) });
}
