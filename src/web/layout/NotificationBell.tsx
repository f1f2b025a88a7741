import { Badge, Button, Menu, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api, get } from "../api.ts";
import { formatDateTime } from "../format.ts";
import { useI18n } from "../i18n.tsx";

interface Note {
  id: number;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
  task_id: number | null;
}

export function NotificationBell() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ["notifications"],
    queryFn: () => get<{ notifications: Note[]; unread: number }>("/api/notifications"),
    refetchInterval: 60_000,
  });
  const open = async (n: Note) => {
    if (!n.read_at) await api("POST", "/api/notifications/read", { ids: [n.id] });
    void qc.invalidateQueries({ queryKey: ["notifications"] });
    if (n.task_id) navigate(`/nhiem-vu/${n.task_id}`);
  };
  const unread = q.data?.unread ?? 0;
  return (
    <Menu width={380} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" size="xs" aria-label={t("notifications")} data-testid="bell">
          {t("notifications")}
          {unread > 0 && (
            <Badge size="xs" color="red" ml={4} data-testid="unread">
              {unread}
            </Badge>
          )}
        </Button>
      </Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: "auto" }}>
        {(q.data?.notifications.length ?? 0) === 0 && <Menu.Label>{t("notifications.none")}</Menu.Label>}
        {q.data?.notifications.slice(0, 30).map((n) => (
          <Menu.Item key={n.id} onClick={() => void open(n)}>
            <Text size="sm" fw={n.read_at ? 400 : 600} c={n.kind === "overdue" ? "red.8" : undefined}>
              {n.message}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(n.created_at)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
