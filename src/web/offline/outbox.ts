import { ApiError, csrfHeader } from "../api.ts";
import { textNow } from "../texts.ts";
import { isNoLink } from "./kept.ts";
import { type OutboxItem, offlineStore } from "./store.ts";

/**
 * Sends that must survive a lost link (a form save, a progress report with its files): each is written
 * to IndexedDB first, then sent with its own Idempotency-Key, and removed only when the server has it.
 * A send cut off halfway is sent again with the same key, so the server keeps it once. What the server
 * refuses stays on the device, marked, until the person resolves it (outboxResolve.ts): nothing is lost.
 */
export type NewOutboxItem = Omit<OutboxItem, "key" | "createdAt" | "state" | "error">;

/** A random key; crypto.randomUUID needs a secure context, getRandomValues does not (plain http on a LAN). */
export function newSendKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("lotrinh-outbox");
channel?.addEventListener("message", () => {
  for (const l of listeners) l();
});
function changed() {
  for (const l of listeners) l();
  channel?.postMessage("changed");
}

/** Called whenever the waiting sends change (here or in another tab). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function outboxItems(userId?: number): Promise<OutboxItem[]> {
  const all = await (await offlineStore()).getAll("outbox");
  return all
    .filter((i) => userId === undefined || i.userId === userId)
    .sort((a, b) => a.createdAt - b.createdAt);
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await offlineStore()).put("outbox", item);
  changed();
}

export async function removeItem(key: string): Promise<void> {
  await (await offlineStore()).delete("outbox", key);
  changed();
}

/** What one try gave: the server's answer, no link (try later), or a refusal. */
export type SendOutcome =
  | { kind: "sent"; data: unknown }
  | { kind: "no-link" }
  | { kind: "refused"; error: ApiError };

async function tryOnce(item: OutboxItem): Promise<SendOutcome> {
  const headers: Record<string, string> = { ...csrfHeader(), "idempotency-key": item.key };
  let body: BodyInit;
  if (item.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(item.json);
  } else {
    const form = new FormData();
    for (const [name, value] of Object.entries(item.fields ?? {})) form.append(name, value);
    for (const f of item.files ?? []) form.append("files", f, f.name);
    body = form;
  }
  let res: Response;
  try {
    res = await fetch(item.url, { method: item.method, headers, body, credentials: "same-origin" });
  } catch (e) {
    if (isNoLink(e)) return { kind: "no-link" };
    throw e;
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return { kind: "sent", data };
  // the server is there but cannot take it now (restarting, busy): like no link, try again later
  if (res.status >= 500) return { kind: "no-link" };
  return {
    kind: "refused",
    error: new ApiError(
      res.status,
      data?.code ?? "HTTP_ERROR",
      data?.message ?? `${textNow("api.httpError")} ${res.status}`,
      data?.details,
    ),
  };
}

/** A refusal that a fresh sign-in fixes: the item keeps waiting. */
const needsSignIn = (e: ApiError) => e.status === 401 || e.code === "CSRF_FAILED";

/**
 * Sends one kept item now. Sent: removed. No link, or the session ended: kept waiting. Refused: kept,
 * marked as a conflict (someone changed it meanwhile) or a refusal, with the server's message.
 */
export async function sendItem(item: OutboxItem): Promise<SendOutcome> {
  const outcome = await tryOnce(item);
  if (outcome.kind === "sent") await removeItem(item.key);
  else if (outcome.kind === "refused" && !needsSignIn(outcome.error)) {
    const conflict = outcome.error.code === "CONFLICT_VERSION";
    await putItem({ ...item, state: conflict ? "conflict" : "refused", error: outcome.error.message });
  }
  return outcome;
}

/**
 * Keeps a send on the device, then tries it at once. Online, the caller gets the server's answer or
 * its refusal as before (and nothing stays kept); with no link, "queued": it is sent later by flush().
 */
export async function sendOrKeep(
  fresh: NewOutboxItem,
): Promise<{ queued: true } | { queued: false; data: unknown }> {
  const item: OutboxItem = { ...fresh, key: newSendKey(), createdAt: Date.now(), state: "waiting" };
  // a newer save of one form replaces the one waiting: it holds all the figures, on the same version
  if (item.kind === "form")
    for (const older of await outboxItems(item.userId))
      if (older.kind === "form" && older.subject === item.subject && older.state === "waiting")
        await removeItem(older.key);
  await putItem(item);
  const outcome = await tryOnce(item);
  if (outcome.kind === "no-link") return { queued: true };
  await removeItem(item.key);
  if (outcome.kind === "refused") throw outcome.error;
  return { queued: false, data: outcome.data };
}

export interface FlushResult {
  sent: number;
  /** The session ended while the items waited (401, or a stale CSRF token): they wait for a sign-in. */
  signInNeeded: boolean;
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends this person's waiting items, oldest first; stops at the first one that finds no link or an
 * ended session. One flush at a time.
 */
export function flush(userId: number): Promise<FlushResult> {
  flushing ??= (async () => {
    const result: FlushResult = { sent: 0, signInNeeded: false };
    try {
      for (const item of await outboxItems(userId)) {
        if (item.state !== "waiting") continue;
        const outcome = await sendItem(item);
        if (outcome.kind === "no-link") break;
        if (outcome.kind === "sent") result.sent++;
        else if (needsSignIn(outcome.error)) {
          result.signInNeeded = true;
          break;
        }
      }
    } finally {
      flushing = null;
    }
    return result;
  })();
  return flushing;
}
