import { get } from "../api.ts";
import { answerTime, stampAnswer } from "../dataTime.ts";
import { offlineStore } from "./store.ts";

/** fetch() rejects with a TypeError when there is no link at all (no answer, not an error answer). */
export function isNoLink(e: unknown): boolean {
  return e instanceof TypeError;
}

const listeners = new Set<(at: number | null) => void>();
let shownSince: number | null = null;

/** When the page last showed a kept copy instead of a fresh answer (null: everything is fresh). */
export function onKeptShown(listener: (at: number | null) => void): () => void {
  listeners.add(listener);
  listener(shownSince);
  return () => listeners.delete(listener);
}
function tell(at: number | null) {
  shownSince = at;
  for (const l of listeners) l(at);
}

/**
 * A GET the officer needs offline (the session, "Việc của tôi", a task, his form): online, the fresh
 * answer, kept on the device; with no link, the kept one (and the page says from when). Only this
 * person's answers are kept: signing in or out empties the store (forgetKept).
 */
export async function getKept<T>(url: string): Promise<T> {
  try {
    const data = await get<T>(url);
    if (shownSince !== null) tell(null);
    keep(url, data);
    return data;
  } catch (e) {
    if (!isNoLink(e)) throw e;
    const kept = await (await offlineStore()).get("kept", url).catch(() => undefined);
    if (!kept) throw e;
    tell(kept.at);
    // shown offline, the answer is as old as when it was computed, not now
    stampAnswer(kept.data, kept.computedAt ?? kept.at);
    return kept.data as T;
  }
}

/** Keeps an answer for reading offline (in the background: a full store never breaks the page). */
export function keep(url: string, data: unknown): void {
  const at = Date.now();
  const computedAt = answerTime(data) ?? at;
  void offlineStore()
    .then((db) => db.put("kept", { url, data, at, computedAt }))
    .catch(() => {});
}

/** Forgets every kept answer (at sign-in and sign-out: they were one person's). */
export async function forgetKept(): Promise<void> {
  await (await offlineStore()).clear("kept");
}
