import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, get } from "../../api.ts";
import { formatDateTime, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";

interface Run {
  id: number;
  startedAt: string;
  status: "running" | "success" | "warning" | "error";
  periods: string[];
  imported: number;
  updated: number;
  ignored: number;
  conflicts: number;
  message: string | null;
}

interface Job {
  id: number;
  name: string;
  instanceId: number;
  instanceName: string;
  direction: "pull" | "push";
  url: string;
  authKind: "basic" | "token";
  username: string | null;
  dataSet: string | null;
  dataElements: string[];
  orgUnitRoot: string | null;
  periodRule: string;
  everyMinutes: number;
  enabled: boolean;
  nextRunAt: string;
  version: number;
  runs: Run[];
}

const RULES = ["LAST_YEAR", "LAST_SIX_MONTH", "LAST_QUARTER", "LAST_MONTH", "LAST_SCHOOL_YEAR", "THIS_YEAR"];
const STATUS_COLOR = { running: "blue", success: "teal", warning: "orange", error: "red" } as const;

/** The fields of a job as the API takes them back (no secret: the stored one is kept). */
const asInput = (j: Job) => ({
  name: j.name,
  instanceId: j.instanceId,
  direction: j.direction,
  url: j.url,
  authKind: j.authKind,
  username: j.username,
  dataSet: j.dataSet,
  dataElements: j.dataElements,
  orgUnitRoot: j.orgUnitRoot,
  periodRule: j.periodRule,
  everyMinutes: j.everyMinutes,
  enabled: j.enabled,
  version: j.version,
});

function NewJob({ instances }: { instances: { id: number; name: string }[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [f, setF] = useState({
    name: "",
    instanceId: instances[0] ? String(instances[0].id) : null,
    direction: "pull",
    url: "",
    authKind: "token",
    username: "",
    secret: "",
    orgUnitRoot: "",
    dataElements: "",
    periodRule: "LAST_YEAR",
    everyMinutes: 1440,
  });
  const set = (k: keyof typeof f) => (v: unknown) => setF((old) => ({ ...old, [k]: v }));
  const create = useMutation({
    mutationFn: () =>
      api("POST", "/api/dhis2/jobs", {
        name: f.name.trim(),
        instanceId: Number(f.instanceId),
        direction: f.direction,
        url: f.url.trim(),
        authKind: f.authKind,
        username: f.authKind === "basic" ? f.username.trim() : null,
        secret: f.secret,
        orgUnitRoot: f.orgUnitRoot.trim() || null,
        dataElements: f.dataElements
          .split(/[\s,]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        periodRule: f.periodRule,
        everyMinutes: f.everyMinutes,
      }),
    onSuccess: () => {
      setF((old) => ({ ...old, name: "", secret: "" }));
      void qc.invalidateQueries({ queryKey: ["dhis2-jobs"] });
    },
  });
  return (
    <Stack gap="xs">
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("dhis2.job.name")}
          value={f.name}
          onChange={(e) => set("name")(e.currentTarget.value)}
        />
        <Select
          label={t("dhis2.instance")}
          data={instances.map((i) => ({ value: String(i.id), label: i.name }))}
          value={f.instanceId}
          onChange={set("instanceId")}
        />
        <SegmentedControl
          data={[
            { value: "pull", label: t("dhis2.job.pull") },
            { value: "push", label: t("dhis2.job.push") },
          ]}
          value={f.direction}
          onChange={set("direction")}
        />
        <TextInput
          label={t("dhis2.job.url")}
          value={f.url}
          onChange={(e) => set("url")(e.currentTarget.value)}
          w={260}
        />
      </Group>
      <Group align="end" wrap="wrap">
        <SegmentedControl
          data={[
            { value: "token", label: t("dhis2.job.token") },
            { value: "basic", label: t("dhis2.job.basic") },
          ]}
          value={f.authKind}
          onChange={set("authKind")}
        />
        {f.authKind === "basic" && (
          <TextInput
            label={t("dhis2.job.username")}
            value={f.username}
            onChange={(e) => set("username")(e.currentTarget.value)}
          />
        )}
        <PasswordInput
          label={f.authKind === "basic" ? t("dhis2.job.password") : t("dhis2.job.token")}
          value={f.secret}
          onChange={(e) => set("secret")(e.currentTarget.value)}
          autoComplete="new-password"
        />
        <TextInput
          label={t("dhis2.job.orgUnitRoot")}
          value={f.orgUnitRoot}
          onChange={(e) => set("orgUnitRoot")(e.currentTarget.value)}
        />
        <TextInput
          label={t("dhis2.job.dataElements")}
          value={f.dataElements}
          onChange={(e) => set("dataElements")(e.currentTarget.value)}
        />
        <Select
          label={t("dhis2.job.periodRule")}
          data={RULES.map((r) => ({ value: r, label: t(`dhis2.rule.${r}` as "dhis2.rule.LAST_YEAR") }))}
          value={f.periodRule}
          onChange={set("periodRule")}
        />
        <NumberInput
          label={t("dhis2.job.everyMinutes")}
          value={f.everyMinutes}
          min={5}
          onChange={(v) => set("everyMinutes")(Number(v))}
          w={140}
        />
        <Button
          onClick={() => create.mutate()}
          disabled={!f.name.trim() || !f.instanceId || !f.url.trim() || !f.secret}
          loading={create.isPending}
        >
          {t("dhis2.job.create")}
        </Button>
      </Group>
      {create.isError && <Alert color="red">{(create.error as Error).message}</Alert>}
    </Stack>
  );
}

/** The scheduled pulls and pushes of the DHIS2 instances, with their last runs. */
export function Dhis2JobsPanel({ instances }: { instances: { id: number; name: string }[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { data: jobs } = useQuery({ queryKey: ["dhis2-jobs"], queryFn: () => get<Job[]>("/api/dhis2/jobs") });
  const toggle = useMutation({
    mutationFn: (j: Job) => api("PUT", `/api/dhis2/jobs/${j.id}`, { ...asInput(j), enabled: !j.enabled }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["dhis2-jobs"] }),
  });
  return (
    <Stack gap="sm">
      <Title order={3}>{t("dhis2.jobs")}</Title>
      {instances.length > 0 ? (
        <NewJob instances={instances} />
      ) : (
        <Text c="dimmed">{t("dhis2.noInstance")}</Text>
      )}
      {toggle.isError && <Alert color="red">{(toggle.error as Error).message}</Alert>}
      {jobs?.map((j) => (
        <Stack key={j.id} gap={4}>
          <Group>
            <Text fw={600}>{j.name}</Text>
            <Badge variant="light">
              {j.direction === "pull" ? t("dhis2.job.pull") : t("dhis2.job.push")}
            </Badge>
            <Text size="sm" c="dimmed">
              {j.instanceName} · {t(`dhis2.rule.${j.periodRule}` as "dhis2.rule.LAST_YEAR")} ·{" "}
              {t("dhis2.job.next")} {formatDateTime(j.nextRunAt)}
            </Text>
            <Switch checked={j.enabled} label={t("dhis2.job.enabled")} onChange={() => toggle.mutate(j)} />
          </Group>
          <Table>
            <Table.Tbody>
              {j.runs.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDateTime(r.startedAt)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[r.status]}>
                      {t(`dhis2.run.${r.status}` as "dhis2.run.success")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.periods.join(", ")}</Table.Td>
                  <Table.Td>
                    {[
                      `${t("dhis2.run.imported")} ${formatNumber(r.imported)}`,
                      `${t("dhis2.run.updated")} ${formatNumber(r.updated)}`,
                      `${t("dhis2.run.ignored")} ${formatNumber(r.ignored)}`,
                      `${t("dhis2.run.conflicts")} ${formatNumber(r.conflicts)}`,
                    ].join(" · ")}
                  </Table.Td>
                  <Table.Td>{r.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {j.runs.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("dhis2.run.none")}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
