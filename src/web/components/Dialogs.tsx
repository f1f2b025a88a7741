import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n.tsx";

/**
 * The app's own dialogs, in place of the browser's `window.confirm` / `window.prompt` (which cannot be
 * styled, translated or tested, and which some browsers block): a question to confirm, and a reason
 * that must be given.
 */
export function ConfirmDialog(props: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const runConfirmed = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
    }
    props.onClose();
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack data-testid={props.testId ?? "confirm-dialog"}>
        <Text size="sm">{props.message}</Text>
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t("cancel")}
          </Button>
          <Button color="red" loading={busy} onClick={() => void runConfirmed()} data-autofocus>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Asks for a reason (required: an empty one is refused with `requiredMessage`), then acts on it. */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  label: string;
  requiredMessage: string;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason("");
    setMissing(false);
    props.onClose();
  };
  const submitReason = () => {
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    props.onConfirm(text);
    close();
  };
  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <Stack data-testid={props.testId ?? "reason-dialog"}>
        {missing && <Alert color="red">{props.requiredMessage}</Alert>}
        <Textarea
          label={props.label}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={missing ? props.requiredMessage : undefined}
          data-autofocus
        />
        <Group justify="end">
          <Button variant="default" onClick={close}>
            {t("cancel")}
          </Button>
          <Button color="orange" onClick={submitReason}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
