import { replaceEqualDeep } from "@tanstack/react-query";

/*
 * When a GET answer was computed, for the "Số liệu lúc hh:mm:ss" line under shared figures. The server
 * may serve a cached answer a few seconds old and says so in `Age` (whole seconds); the time is the
 * answer's arrival less its age. The time is kept beside the answer (a WeakMap from the answer object),
 * so `get` keeps its return type and every page reads it from the data it already has.
 */

/** An answer's computation time: its arrival less a valid `Age` (delta-seconds); else the arrival. */
export function computedAtOf(arrivedAt: number, age: string | null | undefined): number {
  const text = age?.trim() ?? "";
  if (!/^\d+$/.test(text)) return arrivedAt;
  return arrivedAt - Number(text) * 1000;
}

const stamps = new WeakMap<object, number>();

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null;
}

/** Notes when an answer was computed (api.ts for every GET, offline/kept.ts for a kept copy). */
export function stampAnswer(data: unknown, computedAt: number): void {
  if (isObject(data)) stamps.set(data, computedAt);
}

/** When this answer was computed (ms since the epoch), if it came through `get` or the kept store. */
export function answerTime(data: unknown): number | undefined {
  return isObject(data) ? stamps.get(data) : undefined;
}

/**
 * TanStack Query's structural sharing, keeping the time: a refetch equal to the data shown returns the
 * old object, a partly equal one a new copy — either way the result carries the newest answer's time.
 */
export function shareKeepingTime(previous: unknown, next: unknown): unknown {
  const shared = replaceEqualDeep(previous, next);
  const at = answerTime(next);
  if (shared !== next && at !== undefined) stampAnswer(shared, at);
  return shared;
}
