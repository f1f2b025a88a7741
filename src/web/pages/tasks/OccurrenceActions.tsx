import "@mantine/dates/styles.css";
import { Button, FileInput, Group, Modal, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useState } from "react";
import type { OccurrenceAction as Action } from "../../../domain/transitions.ts";
import { ApiError, api } from "../../api.ts";
import { useI18n } from "../../i18n.tsx";
import { sendOrKeep } from "../../offline/outbox.ts";
import { useSession } from "../../session.ts";
import type { TaskDetail } from "../../tasks.ts";
import { chaseSummary } from "./chaseSummary.ts";

type Occ = TaskDetail["occurrences"][number];

/**
 * The actions the server allows the signed-in person on one occurrence (its transition table decides;
 * nothing is repeated here), each in a small form; conflicts are shown, not overwritten.
 */
export function OccurrenceActions(props: {
  occurrence: Occ;
  task: { id: number; ref: string; title: string };
  onDone: (m: { ok: boolean; text: string }) => void;
}) {
  const { t, lang } = useI18n();
  const session = useSession();
  const o = props.occurrence;
  const [open, setOpen] = useState<Action | null>(null);
  const [text, setText] = useState("");
  const [percent, setPercent] = useState<number | string>(o.percent);
  const [product, setProduct] = useState("");
  const [links, setLinks] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [due, setDue] = useState<string | null>(o.due_on);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const base = `/api/occurrences/${o.id}`;
      let message = t("tasks.saved");
      if (open === "progress" || open === "contribute") {
        // kept on the device first, then sent with its own key: with no link it waits (offline/outbox.ts)
        const fields: Record<string, string> = { version: String(o.version), text };
        if (open === "progress") fields.percent = String(percent);
        if (product) fields.product = product;
        if (links.trim()) fields.links = links;
        const sent = await sendOrKeep({
          userId: session.data?.user?.id ?? 0,
          kind: "progress",
          method: "POST",
          url: `${base}/updates`,
          label: `${props.task.ref}. ${props.task.title} — ${o.label}`,
          fields,
          files,
          subject: `${props.task.id}/${o.id}`,
        });
        if (sent.queued) message = t("offline.queued");
      } else if (open === "propose")
        await api("POST", `${base}/propose`, { version: o.version, text, product: product || undefined });
      else if (open === "confirm") await api("POST", `${base}/confirm`, { version: o.version, text });
      else if (open === "return") await api("POST", `${base}/return`, { version: o.version, reason: text });
      else if (open === "extend")
        await api("POST", `${base}/extend`, { version: o.version, due, reason: text });
      else if (open === "pause" || open === "resume")
        await api("POST", `${base}/pause`, { version: o.version, paused: open === "pause", reason: text });
      else if (open === "chase")
        message = chaseSummary(await api("POST", `${base}/chase`, { message: text }), t);
      props.onDone({ ok: true, text: message });
      setOpen(null);
      setText("");
      setFiles([]);
    } catch (e) {
      props.onDone({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
      setOpen(null);
    } finally {
      setBusy(false);
    }
  };

  const label: Record<Action, string> = {
    progress: t("tasks.report"),
    contribute: t("tasks.contribute"),
    propose: t("tasks.propose"),
    confirm: t("tasks.confirm"),
    return: t("tasks.return"),
    extend: o.due_on ? t("tasks.extend") : t("tasks.setDue"),
    pause: t("tasks.pause"),
    resume: t("tasks.resume"),
    chase: t("tasks.chase"),
  };
  const buttons = o.actions.map((action) => ({ action, label: label[action] }));
  if (buttons.length === 0) return null;
  const needsText = open !== "confirm";
  return (
    <>
      <Group gap="xs">
        {buttons.map((b) => (
          <Button
            key={b.action}
            size="xs"
            variant={b.action === "confirm" || b.action === "propose" ? "filled" : "light"}
            onClick={() => setOpen(b.action)}
          >
            {b.label}
          </Button>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open ? label[open] : undefined}>
        <Stack>
          {needsText && (
            <Textarea
              label={
                open === "return" || open === "extend" || open === "pause" || open === "resume"
                  ? t("tasks.reason")
                  : t("tasks.content")
              }
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-autofocus
            />
          )}
          {open === "progress" && (
            <NumberInput
              label={t("tasks.percent")}
              min={0}
              max={100}
              value={percent}
              onChange={setPercent}
              suffix=" %"
            />
          )}
          {(open === "progress" || open === "contribute" || open === "propose") && (
            <TextInput
              label={t("docs.product")}
              value={product}
              onChange={(e) => setProduct(e.currentTarget.value)}
            />
          )}
          {(open === "progress" || open === "contribute") && (
            <>
              <TextInput
                label={t("tasks.links")}
                value={links}
                onChange={(e) => setLinks(e.currentTarget.value)}
                placeholder="https://…"
              />
              <FileInput
                label={t("tasks.files")}
                multiple
                clearable
                accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
                value={files}
                onChange={setFiles}
                data-testid="update-files"
              />
            </>
          )}
          {open === "extend" && (
            <DateInput
              label={t("tasks.newDue")}
              valueFormat="DD/MM/YYYY"
              locale={lang}
              value={due}
              onChange={setDue}
            />
          )}
          <Button
            onClick={() => void submit()}
            loading={busy}
            disabled={needsText && !text.trim()}
            data-testid="action-submit"
          >
            {t("save")}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
