import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { Notification, Notifications } from "../../shared/api/notifications.ts";
import type { Answer } from "../../shared/api/wire.ts";
import { api, get } from "../api.ts";

/** A person's notifications: one module, its query key, types from the server's schemas. */
export type Note = Answer<typeof Notification>;

export const notificationKeys = { all: ["notifications"] as const };

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => get<Answer<typeof Notifications>>("/api/notifications"),
    refetchInterval: 60_000,
  });
}

/** Marks notes read, then reads the list again. */
export async function markRead(client: QueryClient, ids: number[]): Promise<void> {
  if (ids.length > 0) await api("POST", "/api/notifications/read", { ids });
  void client.invalidateQueries({ queryKey: notificationKeys.all });
}
