import { Menu, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { useNavigate } from "react-router";
import { markRead, type Note } from "../api/notifications.ts";
import { formatDateTime } from "../format.ts";
import { useI18n } from "../i18n.tsx";

/** The list of notifications, opened from the bell (loaded on the first click, with the menus' code). */
export function NotificationMenu({ target, notes }: { target: ReactElement; notes: Note[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const open = async (n: Note) => {
    await markRead(qc, n.read_at ? [] : [n.id]);
    if (n.task_id) navigate(`/nhiem-vu/${n.task_id}`);
    // a report round's steps (report.asked, report_chase, …) lead to the reports page
    else if (n.kind.startsWith("report")) navigate("/bao-cao");
  };
  return (
    <Menu width={380} position="bottom-end" withinPortal defaultOpened>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown mah={420} style={{ overflowY: "auto" }}>
        {notes.length === 0 && <Menu.Label>{t("notifications.none")}</Menu.Label>}
        {notes.slice(0, 30).map((n) => (
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
