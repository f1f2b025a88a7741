import "@mantine/dates/styles.css";
import {
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Switch,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { useSearchParams } from "react-router";
import { DataTime } from "../../components/DataTime.tsx";
import { usePlanGraph } from "../../documents.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { stateInfo, timelinessInfo, useRegister } from "../../tasks.ts";
import { useEveryUnit } from "../../units.ts";
import { ScoreboardPanel } from "./ScoreboardPanel.tsx";
import { TaskRows } from "./TaskRows.tsx";

const PAGE = 50;

export function RegisterPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const [text] = useDebouncedValue(params.get("q") ?? "", 300);
  const graph = usePlanGraph();
  const units = useEveryUnit();
  const query = new URLSearchParams();
  for (const k of ["documentId", "unitId", "state", "timeliness", "dueFrom", "dueTo", "includeDone"]) {
    const v = params.get(k);
    if (v) query.set(k, v);
  }
  if (text) query.set("q", text);
  const page = Number(params.get("page") ?? 1);
  query.set("page", String(page));
  query.set("pageSize", String(PAGE));
  const register = useRegister(query);
  const exportQuery = new URLSearchParams(query);
  exportQuery.delete("page");
  exportQuery.delete("pageSize");
  const tab = params.get("tab") ?? "register";

  return (
    <Stack>
      <Title order={2}>{t("nav.tasks")}</Title>
      <Tabs value={tab} onChange={(v) => set("tab", v === "register" ? null : v)}>
        <Tabs.List>
          <Tabs.Tab value="register">{t("tasks.register")}</Tabs.Tab>
          <Tabs.Tab value="scoreboard">{t("tasks.scoreboard")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register" pt="md">
          <Stack>
            <Group align="end" wrap="wrap" gap="xs">
              <TextInput
                label={t("tasks.search")}
                value={params.get("q") ?? ""}
                onChange={(e) => set("q", e.currentTarget.value)}
                w={220}
              />
              <Select
                label={t("tasks.plan")}
                clearable
                searchable
                w={200}
                value={params.get("documentId")}
                onChange={(v) => set("documentId", v)}
                data={(graph.data?.nodes ?? [])
                  .filter((n) => n.held)
                  .map((n) => ({
                    value: String(n.id),
                    label: n.number ?? `${n.issuer ?? ""} ${t("documents.noNumber")}`,
                  }))}
              />
              <Select
                label={t("tasks.body")}
                clearable
                searchable
                w={240}
                value={params.get("unitId")}
                onChange={(v) => set("unitId", v)}
                data={(units.data?.units ?? [])
                  .filter((u) => !u.validTo)
                  .map((u) => ({ value: String(u.id), label: u.fullName }))}
              />
              <Select
                label={t("tasks.state")}
                clearable
                w={170}
                value={params.get("state")}
                onChange={(v) => set("state", v)}
                data={Object.entries(stateInfo).map(([value, l]) => ({ value, label: l[lang] }))}
              />
              <Select
                label={t("tasks.timeliness")}
                clearable
                w={190}
                value={params.get("timeliness")}
                onChange={(v) => set("timeliness", v)}
                data={Object.entries(timelinessInfo).map(([value, l]) => ({ value, label: l[lang] }))}
              />
              <DateInput
                label={t("tasks.dueFrom")}
                clearable
                valueFormat="DD/MM/YYYY"
                locale={lang}
                w={140}
                value={params.get("dueFrom")}
                onChange={(v) => set("dueFrom", v)}
              />
              <DateInput
                label={t("tasks.dueTo")}
                clearable
                valueFormat="DD/MM/YYYY"
                locale={lang}
                w={140}
                value={params.get("dueTo")}
                onChange={(v) => set("dueTo", v)}
              />
              <Switch
                label={t("tasks.includeDone")}
                checked={params.get("includeDone") === "true"}
                onChange={(e) => set("includeDone", e.currentTarget.checked ? "true" : null)}
              />
            </Group>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="register-total">
                {formatNumber(register.data?.total ?? 0)} {t("tasks.rows")}
              </Text>
              <Group gap="xs">
                <Button
                  component="a"
                  variant="light"
                  size="xs"
                  href={`/api/tasks/export?${exportQuery}&format=xlsx`}
                >
                  {t("tasks.exportXlsx")}
                </Button>
                <Button
                  component="a"
                  variant="light"
                  size="xs"
                  href={`/api/tasks/export?${exportQuery}&format=csv`}
                >
                  CSV
                </Button>
              </Group>
            </Group>
            <DataTime of={register.data} />
            {register.data && <TaskRows rows={register.data.rows} />}
            {(register.data?.total ?? 0) > PAGE && (
              <Pagination
                total={Math.ceil((register.data?.total ?? 0) / PAGE)}
                value={page}
                onChange={(p) => set("page", String(p))}
              />
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="scoreboard" pt="md">
          <ScoreboardPanel
            documentId={params.get("documentId")}
            onDrill={(unitId) => {
              const next = new URLSearchParams();
              next.set("unitId", String(unitId));
              next.set("includeDone", "true");
              setParams(next);
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
