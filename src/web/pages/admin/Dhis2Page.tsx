import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, get } from "../../api.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { Dhis2JobsPanel } from "./Dhis2JobsPanel.tsx";

type Kind = "dataElement" | "categoryOptionCombo" | "orgUnit";

interface Mapping {
  id: number;
  kind: Kind;
  uid: string;
  code: string | null;
  name: string;
  path: string | null;
  elementId: number | null;
  unitId: number | null;
  category: string | null;
  matchedBy: string | null;
  version: number;
}

interface MappingsAnswer {
  instances: { id: number; name: string; url: string | null }[];
  instance: { id: number; name: string } | null;
  mappings: Mapping[];
  choices: {
    elements: { id: number; code: string; name: string }[];
    units: { id: number; code: string | null; name: string }[];
    categories: { code: string; label: string; labelEn: string }[];
  } | null;
}

interface LoadAnswer {
  objects: number;
  matched: number;
  manual: number;
  unmatched: unknown[];
  refused: string[];
}

const SHOWN = 200;
const KIND_LABEL = {
  dataElement: "dhis2.kind.dataElement",
  categoryOptionCombo: "dhis2.kind.categoryOptionCombo",
  orgUnit: "dhis2.kind.orgUnit",
} as const;
const BY_LABEL: Record<string, "dhis2.by.code" | "dhis2.by.name" | "dhis2.by.default" | "dhis2.by.manual"> = {
  code: "dhis2.by.code",
  name: "dhis2.by.name",
  default: "dhis2.by.default",
  manual: "dhis2.by.manual",
};

/** "{n} …" in a dictionary text filled in. */
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (all, k: string) => values[k] ?? all);

/** What a mapping points at, as the Select's value: element/unit id, or "cat:<option>" ('' = whole). */
function targetOf(m: Mapping): string | null {
  if (m.kind === "dataElement") return m.elementId === null ? null : String(m.elementId);
  if (m.kind === "orgUnit") return m.unitId === null ? null : String(m.unitId);
  return m.category === null ? null : `cat:${m.category}`;
}

function UploadMetadata({ onLoaded }: { onLoaded: (id: number | null) => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const load = useMutation({
    mutationFn: async () => {
      const text = await (file as File).text();
      let metadata: unknown;
      try {
        metadata = JSON.parse(text);
      } catch {
        throw new Error(t("dhis2.notJson"));
      }
      return api<LoadAnswer & { instanceId: number }>("POST", "/api/dhis2/metadata", {
        name: name.trim(),
        metadata,
      });
    },
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ["dhis2-mappings"] });
      onLoaded(r.instanceId);
    },
  });
  return (
    <Stack gap="xs">
      <Group align="end">
        <TextInput
          label={t("dhis2.instanceName")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={220}
        />
        <FileInput
          label={t("dhis2.metadataFile")}
          accept=".json,application/json"
          value={file}
          onChange={setFile}
          w={280}
          clearable
        />
        <Button
          onClick={() => load.mutate()}
          disabled={!file || !name.trim()}
          loading={load.isPending}
          data-testid="dhis2-load"
        >
          {t("dhis2.load")}
        </Button>
      </Group>
      {load.isError && <Alert color="red">{(load.error as Error).message}</Alert>}
      {load.data && (
        <Alert color="teal" data-testid="dhis2-loaded">
          {fill(t("dhis2.loaded"), {
            objects: formatNumber(load.data.objects),
            matched: formatNumber(load.data.matched),
            unmatched: formatNumber(load.data.unmatched.length),
            manual: formatNumber(load.data.manual),
          })}
          {load.data.refused.length > 0 &&
            ` ${fill(t("dhis2.refused"), { n: formatNumber(load.data.refused.length) })}`}
        </Alert>
      )}
    </Stack>
  );
}

export function Dhis2Page() {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [instanceId, setInstanceId] = useState<number | null>(null);
  const [kind, setKind] = useState<Kind>("dataElement");
  const [onlyUnmatched, setOnlyUnmatched] = useState(true);
  const [text, setText] = useState("");
  const q = useQuery({
    queryKey: ["dhis2-mappings", instanceId],
    queryFn: () => get<MappingsAnswer>(`/api/dhis2/mappings${instanceId ? `?instanceId=${instanceId}` : ""}`),
  });
  const save = useMutation({
    mutationFn: (v: { m: Mapping; target: string | null }) =>
      api("PUT", `/api/dhis2/mappings/${v.m.id}`, {
        version: v.m.version,
        target: v.target === null ? null : v.target.startsWith("cat:") ? v.target.slice(4) : Number(v.target),
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["dhis2-mappings"] }),
  });
  const data = q.data;
  const choices = data?.choices;
  const options =
    kind === "dataElement"
      ? (choices?.elements ?? []).map((e) => ({ value: String(e.id), label: `${e.code} — ${e.name}` }))
      : kind === "orgUnit"
        ? (choices?.units ?? []).map((u) => ({
            value: String(u.id),
            label: u.code ? `${u.name} (${u.code})` : u.name,
          }))
        : [
            { value: "cat:", label: t("dhis2.wholeFigure") },
            ...(choices?.categories ?? []).map((c) => ({
              value: `cat:${c.code}`,
              label: lang === "en" ? c.labelEn : c.label,
            })),
          ];
  const needle = text.trim().toLowerCase();
  const rows = (data?.mappings ?? []).filter(
    (m) =>
      m.kind === kind &&
      (!onlyUnmatched || targetOf(m) === null) &&
      (!needle || `${m.uid} ${m.code ?? ""} ${m.name}`.toLowerCase().includes(needle)),
  );
  const unmatched = (k: Kind) =>
    (data?.mappings ?? []).filter((m) => m.kind === k && targetOf(m) === null).length;

  return (
    <Stack>
      <Title order={2}>{t("dhis2.title")}</Title>
      <Text size="sm" c="dimmed">
        {t("dhis2.intro")}
      </Text>
      <UploadMetadata onLoaded={setInstanceId} />
      {q.isError && <Alert color="red">{(q.error as Error).message}</Alert>}
      {data?.instance && (
        <>
          <Group align="end">
            <Select
              label={t("dhis2.instance")}
              data={data.instances.map((i) => ({ value: String(i.id), label: i.name }))}
              value={String(data.instance.id)}
              onChange={(v) => setInstanceId(v ? Number(v) : null)}
              allowDeselect={false}
              w={220}
            />
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v as Kind)}
              data={(["dataElement", "categoryOptionCombo", "orgUnit"] as const).map((k) => ({
                value: k,
                label: `${t(KIND_LABEL[k])} (${formatNumber(unmatched(k))} ${t("dhis2.unmatchedShort")})`,
              }))}
            />
          </Group>
          <Group>
            <Checkbox
              label={t("dhis2.onlyUnmatched")}
              checked={onlyUnmatched}
              onChange={(e) => setOnlyUnmatched(e.currentTarget.checked)}
            />
            <TextInput
              placeholder={t("dhis2.search")}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              w={260}
            />
          </Group>
          {save.isError && <Alert color="red">{(save.error as Error).message}</Alert>}
          <Table striped data-testid="dhis2-mappings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>UID</Table.Th>
                <Table.Th>{t("dhis2.code")}</Table.Th>
                <Table.Th>{t("dhis2.name")}</Table.Th>
                <Table.Th>{t("dhis2.lotrinh")}</Table.Th>
                <Table.Th>{t("dhis2.matchedBy")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, SHOWN).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {m.uid}
                    </Text>
                  </Table.Td>
                  <Table.Td>{m.code ?? "—"}</Table.Td>
                  <Table.Td>
                    {m.name}
                    {m.path && (
                      <Text size="xs" c="dimmed">
                        {m.path}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td miw={280}>
                    <Select
                      aria-label={`${t("dhis2.lotrinh")}: ${m.name}`}
                      data={options}
                      value={targetOf(m)}
                      onChange={(v) => save.mutate({ m, target: v })}
                      searchable
                      clearable
                      placeholder={t("dhis2.notMapped")}
                    />
                  </Table.Td>
                  <Table.Td>
                    {m.matchedBy ? (
                      <Badge variant="light">
                        {BY_LABEL[m.matchedBy] ? t(BY_LABEL[m.matchedBy] as "dhis2.by.code") : m.matchedBy}
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light">
                        {t("dhis2.unmatched")}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length > SHOWN && (
            <Text size="sm" c="dimmed">
              {fill(t("dhis2.more"), { shown: formatNumber(SHOWN), total: formatNumber(rows.length) })}
            </Text>
          )}
          {rows.length === 0 && <Text c="dimmed">{t("dhis2.none")}</Text>}
        </>
      )}
      {data && !data.instance && <Text c="dimmed">{t("dhis2.noInstance")}</Text>}
      {data && <Dhis2JobsPanel instances={data.instances} />}
    </Stack>
  );
}
