import { keepPreviousData, type QueryClient, useQuery } from "@tanstack/react-query";
import type {
  ChaseOutcome as ChaseOutcomeSchema,
  MyWork as MyWorkSchema,
  OccurrenceChange as OccurrenceChangeSchema,
  RegisterRow as RegisterRowSchema,
  Scoreboard as ScoreboardSchema,
  TaskDetail as TaskDetailSchema,
  TaskRegister as TaskRegisterSchema,
  Update as UpdateSchema,
} from "../shared/api/tasks.ts";
import type { Answer } from "../shared/api/wire.ts";
import { get } from "./api.ts";
import { getKept } from "./offline/kept.ts";
import { both } from "./texts.ts";

export type Timeliness = RegisterRow["timeliness"];
export type State = RegisterRow["state"];

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

/** An occurrence as the register lists it. */
export type RegisterRow = Answer<typeof RegisterRowSchema>;
export type Update = Answer<typeof UpdateSchema>;
export type TaskDetail = Answer<typeof TaskDetailSchema>;
export type MyWork = Answer<typeof MyWorkSchema>;
export type TaskRegister = Answer<typeof TaskRegisterSchema>;
export type Scoreboard = Answer<typeof ScoreboardSchema>;
export type OccurrenceChange = Answer<typeof OccurrenceChangeSchema>;
export type ChaseOutcome = Answer<typeof ChaseOutcomeSchema>;

/**
 * The query keys of tasks: everything about tasks sits under one root, so a change to an occurrence
 * refreshes the task page, "Việc của tôi", the register and the scoreboard with one invalidation.
 */
export const taskKeys = {
  all: ["tasks"] as const,
  one: (id: number) => ["tasks", "one", id] as const,
  myWork: ["tasks", "my-work"] as const,
  register: (query: string) => ["tasks", "register", query] as const,
  scoreboard: (query: string) => ["tasks", "scoreboard", query] as const,
};

export function useTask(id: number) {
  // kept on the device: a task opened once can be read, and reported on, with no link
  return useQuery({ queryKey: taskKeys.one(id), queryFn: () => getKept<TaskDetail>(`/api/tasks/${id}`) });
}

/** "Việc của tôi"; the later years' occurrences are read only when `withLater` (the page's toggle). */
export function useMyWork(withLater = false) {
  // kept on the device: the officer reads his work with no link
  return useQuery({
    queryKey: [...taskKeys.myWork, { withLater }],
    queryFn: () => getKept<MyWork>(withLater ? "/api/my-work?withLater=true" : "/api/my-work"),
    // turning the later years on keeps this year's rows on screen while they load
    placeholderData: keepPreviousData,
  });
}

export function useRegister(query: URLSearchParams) {
  return useQuery({
    queryKey: taskKeys.register(query.toString()),
    queryFn: () => get<TaskRegister>(`/api/tasks?${query}`),
  });
}

export function useScoreboard(query: URLSearchParams) {
  return useQuery({
    queryKey: taskKeys.scoreboard(query.toString()),
    queryFn: () => get<Scoreboard>(`/api/scoreboard?${query}`),
  });
}

/** After any change to a task or an occurrence: every view of tasks is read again. */
export function refreshTasks(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: taskKeys.all });
}
