import { get } from "../api.ts";
import type { TaskDetail } from "../tasks.ts";
import { flush, newSendKey, putItem, removeItem } from "./outbox.ts";
import type { OutboxItem } from "./store.ts";

/**
 * The person's answer to a conflict: send their kept form or report again over the version the server
 * has now (a new key: it is a new send), or discard it. Nothing is resent without this choice.
 */
export async function resendOnLatest(item: OutboxItem): Promise<void> {
  let fresh: OutboxItem;
  if (item.kind === "form" && item.json) {
    const form = await get<{ status: { version: number } }>(`/api/forms/${item.subject}`);
    fresh = { ...item, json: { ...item.json, version: form.status.version } };
  } else {
    const [taskId, occurrenceId] = item.subject.split("/").map(Number);
    const task = await get<TaskDetail>(`/api/tasks/${taskId}`);
    const occurrence = task.occurrences.find((o) => o.id === occurrenceId);
    if (!occurrence) throw new Error(item.label);
    fresh = { ...item, fields: { ...item.fields, version: String(occurrence.version) } };
  }
  await putItem({ ...fresh, key: newSendKey(), state: "waiting", error: undefined });
  await removeItem(item.key);
  await flush(item.userId);
}

/**
 * Sends a refused item again as it is, with its key (a refusal can pass: the server was too busy to
 * read a file, the person's rights were restored).
 */
export async function retry(item: OutboxItem): Promise<void> {
  await putItem({ ...item, state: "waiting", error: undefined });
  await flush(item.userId);
}

export const discard = (item: OutboxItem) => removeItem(item.key);
