import { z } from "zod";
import { id, instant } from "./wire.ts";

/* The contract of a person's notifications (GET /api/notifications, POST /api/notifications/read). */

export const Notification = z.object({
  id,
  kind: z.string(),
  message: z.string(),
  created_at: instant,
  read_at: instant.nullable(),
  /** The task it is about, to open from the bell. */
  task_id: id.nullable(),
});

export const Notifications = z.object({ notifications: z.array(Notification), unread: z.number().int() });

export const Marked = z.object({ ok: z.boolean() });
