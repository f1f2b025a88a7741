import { Button, Group, Paper, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { formatDateTime } from "../format.ts";
import { useI18n } from "../i18n.tsx";
import { onKeptShown } from "./kept.ts";
import { flush } from "./outbox.ts";
import { useOutbox } from "./useOutbox.ts";

// the list and its dialog come only when opened (with the dialog's CSS)
const OutboxList = lazy(async () => ({ default: (await import("./OutboxList.tsx")).OutboxList }));

/** navigator.onLine, followed. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/**
 * Sends what waits when the link is back: at start, on the browser's "online" event and every 15 s
 * while something waits (a weak link often comes back without an event). Pages refresh after a send.
 */
function useFlushWhenOnline(userId: number | null, waiting: number, online: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (userId === null) return;
    const run = () =>
      void flush(userId)
        .then(({ sent, signInNeeded }) => {
          if (sent > 0) void qc.invalidateQueries();
          // the session ended while offline: asking again shows the sign-in page; the items wait for it
          if (signInNeeded) void qc.invalidateQueries({ queryKey: ["session"] });
        })
        .catch(() => {});
    if (waiting > 0 && online) run();
    window.addEventListener("online", run);
    const timer = waiting > 0 ? window.setInterval(run, 15_000) : undefined;
    return () => {
      window.removeEventListener("online", run);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [userId, waiting, online, qc]);
}

/**
 * What the page says about the link and the sends kept on the device: a bar at the bottom when the
 * network is gone (with the time of the copy shown) or something waits, and the list to resolve them.
 */
export function OutboxBar({ userId }: { userId: number | null }) {
  const { t } = useI18n();
  const online = useOnline();
  const items = useOutbox(userId);
  const [keptAt, setKeptAt] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => onKeptShown(setKeptAt), []);
  const waiting = items.filter((i) => i.state === "waiting").length;
  useFlushWhenOnline(userId, waiting, online);
  const offline = !online || keptAt !== null;
  if (!offline && items.length === 0) return null;
  return (
    <>
      {/* room at the end of the page, so the bar never covers its last buttons */}
      <div style={{ height: 64 }} />
      <Paper
        data-testid="outbox-bar"
        shadow="md"
        p="xs"
        radius={0}
        bg={offline ? "orange.1" : "blue.0"}
        style={{ position: "fixed", left: 0, right: 0, bottom: 0, zIndex: 300 }}
      >
        <Group justify="center" gap="sm">
          {offline && (
            <Text size="sm" data-testid="offline-note">
              {t("offline.noLink")}
              {keptAt !== null && ` (${t("offline.keptAt")} ${formatDateTime(new Date(keptAt))})`}
            </Text>
          )}
          {items.length > 0 && (
            <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} data-testid="outbox-open">
              <span data-testid="outbox-count">{items.length}</span>&nbsp;{t("offline.waiting")}
            </Button>
          )}
          {userId === null && items.length > 0 && <Text size="sm">{t("offline.signInToSend")}</Text>}
        </Group>
      </Paper>
      {open && (
        <Suspense fallback={null}>
          <OutboxList
            items={items}
            userId={userId}
            canSend={waiting > 0 && online}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
