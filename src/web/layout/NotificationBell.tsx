import { Badge, Button } from "@mantine/core";
import { lazy, Suspense, useState } from "react";
import { useNotifications } from "../api/notifications.ts";
import { useI18n } from "../i18n.tsx";

// the menu (and the floating-ui code that places it) comes with the first click, not with every page
const NotificationMenu = lazy(async () => ({
  default: (await import("./NotificationMenu.tsx")).NotificationMenu,
}));

export function NotificationBell() {
  const { t } = useI18n();
  const [wanted, setWanted] = useState(false);
  const q = useNotifications();
  const unread = q.data?.unread ?? 0;
  const button = (
    <Button
      variant="subtle"
      size="xs"
      aria-label={t("notifications")}
      data-testid="bell"
      onClick={() => setWanted(true)}
    >
      {t("notifications")}
      {unread > 0 && (
        <Badge size="xs" color="red" ml={4} data-testid="unread">
          {unread}
        </Badge>
      )}
    </Button>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <NotificationMenu target={button} notes={q.data?.notifications ?? []} />
    </Suspense>
  );
}
