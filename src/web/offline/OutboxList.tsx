import "../styles/pages.ts";
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { ConfirmDialog } from "../components/Dialogs.tsx";
import { formatDateTime } from "../format.ts";
import { useI18n } from "../i18n.tsx";
import { flush } from "./outbox.ts";
import { discard, resendOnLatest, retry } from "./outboxResolve.ts";
import type { OutboxItem } from "./store.ts";

/** One kept send: what it is, from when, and — when the server refused it — its message and the choices. */
function ItemCard({ item, userId }: { item: OutboxItem; userId: number | null }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const act = (fn: () => Promise<unknown>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const kindLabel = item.kind === "form" ? t("offline.formLabel") : t("offline.reportLabel");
  return (
    <Paper withBorder p="sm" data-testid="outbox-item" data-state={item.state}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <div>
          <Text size="sm" fw={600}>
            {kindLabel}: {item.label}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(new Date(item.createdAt))}
            {item.files?.length ? ` · ${item.files.length} ${t("offline.files")}` : ""}
          </Text>
        </div>
        <Badge color={item.state === "waiting" ? "blue" : "orange"}>
          {item.state === "waiting" ? t("offline.waiting") : item.state === "conflict" ? "409" : "!"}
        </Badge>
      </Group>
      {item.state !== "waiting" && (
        <Alert color="orange" mt="xs" p="xs">
          {item.state === "conflict" ? t("offline.conflict") : t("offline.refused")} {item.error}
        </Alert>
      )}
      {error && (
        <Text size="xs" c="red" mt={4}>
          {error}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        {item.state === "conflict" && userId !== null && (
          <Button
            size="compact-xs"
            loading={busy}
            onClick={act(() => resendOnLatest(item))}
            data-testid="outbox-resend"
          >
            {item.kind === "form" ? t("offline.resendForm") : t("offline.resendReport")}
          </Button>
        )}
        {item.state === "refused" && userId !== null && (
          <Button size="compact-xs" variant="light" loading={busy} onClick={act(() => retry(item))}>
            {t("offline.retry")}
          </Button>
        )}
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          loading={busy}
          onClick={() => setConfirmingDiscard(true)}
          data-testid="outbox-discard"
        >
          {t("offline.discard")}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirmingDiscard}
        title={t("offline.discardTitle")}
        message={t("offline.discardConfirm")}
        confirmLabel={t("offline.discard")}
        onConfirm={act(() => discard(item))}
        onClose={() => setConfirmingDiscard(false)}
        testId="outbox-discard-confirm"
      />
    </Paper>
  );
}

/** The sends kept on this device, each with what can be done about it. */
export function OutboxList(props: {
  items: OutboxItem[];
  userId: number | null;
  canSend: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { userId } = props;
  return (
    <Modal opened onClose={props.onClose} title={t("offline.waitingTitle")}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("offline.waitingHint")}
        </Text>
        {props.items.map((item) => (
          <ItemCard key={item.key} item={item} userId={userId} />
        ))}
        {userId !== null && props.canSend && (
          <Button variant="light" onClick={() => void flush(userId)}>
            {t("offline.sendNow")}
          </Button>
        )}
      </Stack>
    </Modal>
  );
}
