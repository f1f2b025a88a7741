import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Container,
  Group,
  Loader,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../api.ts";
import { docLabel } from "../documents.ts";
import { formatDate, formatNumber } from "../format.ts";
import type { Key } from "../i18n.en.ts";
import { useI18n } from "../i18n.tsx";
import { type PublicProgress, type PublicView, usePublicProgress } from "../publicProgress.ts";

const CMP: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };
const STATUS_COLOR: Record<string, string> = {
  achieved: "teal",
  on_track: "blue",
  at_risk: "orange",
  behind: "red",
  no_data: "gray",
  not_enough_data: "gray",
};
const percent = (rate: number | null) => (rate === null ? null : `${formatNumber(rate * 100)} %`);

function Tally({ tally }: { tally: PublicProgress["tasks"] }) {
  const { t } = useI18n();
  const figures: [Key, number | string, string?][] = [
    ["public.tasks", formatNumber(tally.total)],
    ["public.done", formatNumber(tally.done), "teal"],
    ["public.overdue", formatNumber(tally.overdue), "red"],
    ["public.rate", percent(tally.rate) ?? t("public.noRate"), "teal.8"],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
      {figures.map(([label, value, color]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xl" fw={700} c={color}>
            {value}
          </Text>
          <Text size="sm" c="dimmed">
            {t(label)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function RateBar({ rate }: { rate: number | null }) {
  return (
    <Progress value={(rate ?? 0) * 100} color={rate !== null && rate < 0.7 ? "orange" : "teal"} size="sm" />
  );
}

/** Plans nearest the top first, each under the plan it implements. */
function cascadeOrder(plans: PublicProgress["plans"]) {
  const ids = new Set(plans.map((p) => p.id));
  const out: { plan: PublicProgress["plans"][number]; depth: number }[] = [];
  const visit = (plan: PublicProgress["plans"][number], depth: number) => {
    if (out.some((o) => o.plan.id === plan.id)) return;
    out.push({ plan, depth });
    for (const child of plans.filter((p) => p.parents.includes(plan.id))) visit(child, depth + 1);
  };
  for (const p of plans.filter((x) => !x.parents.some((id) => ids.has(id)))) visit(p, 0);
  for (const p of plans) visit(p, 0);
  return out;
}

function Plans({ data }: { data: PublicProgress }) {
  const { t } = useI18n();
  const numberOf = new Map(data.cascade.map((c) => [c.id, c.number]));
  return (
    <Stack gap="xs" data-testid="public-plans">
      <Title order={3}>{t("public.plans")}</Title>
      {cascadeOrder(data.plans).map(({ plan, depth }) => (
        <Card key={plan.id} withBorder padding="sm" ml={Math.min(depth, 3) * 12}>
          <Anchor component={Link} to={`/cong-khai?keHoach=${plan.id}`} fw={600}>
            {docLabel(plan)} {plan.issuedOn ? `(${formatDate(plan.issuedOn)})` : ""}
          </Anchor>
          <Text size="sm">{plan.title}</Text>
          {plan.parents.length > 0 && (
            <Text size="xs" c="dimmed">
              {t("public.implements")}: {plan.parents.map((id) => numberOf.get(id) ?? "").join(", ")}
            </Text>
          )}
          <Group gap="xs" mt={4} wrap="nowrap">
            <Text size="sm" fw={600} miw={64}>
              {percent(plan.tasks.rate) ?? "—"}
            </Text>
            <div style={{ flex: 1 }}>
              <RateBar rate={plan.tasks.rate} />
            </div>
          </Group>
          <Text size="xs" c="dimmed">
            {t("public.done")}: {formatNumber(plan.tasks.done)} · {t("public.overdue")}:{" "}
            {formatNumber(plan.tasks.overdue)} · {t("public.open")}: {formatNumber(plan.tasks.open)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function Targets({ data }: { data: PublicProgress }) {
  const { t } = useI18n();
  if (data.targets.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="public-targets">
      <Title order={3}>{t("public.targets")}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {data.targets.map((x) => (
          <Card key={x.id} withBorder padding="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                {x.label}
              </Text>
              <Badge color={STATUS_COLOR[x.status] ?? "gray"} style={{ flexShrink: 0 }}>
                {t(`targetStatus.${x.status}` as Key) ?? x.status}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {x.unitName}
              {x.eachCommune ? ` · ${t("public.eachCommune")}` : ""}
            </Text>
            <Text size="sm">
              {t("public.target")}: {CMP[x.comparator] ?? ""} {formatNumber(x.target)} {x.unitOfMeasure} (
              {t("public.byYear")} {x.dueYear}) · {t("public.current")}:{" "}
              {x.current === null ? "—" : `${formatNumber(x.current)} ${x.unitOfMeasure}`}
            </Text>
            {x.meeting && (
              <Text size="xs">
                {formatNumber(x.meeting.count)}/{formatNumber(x.meeting.total)} {t("public.meeting")}
              </Text>
            )}
            {x.trend.length > 0 && (
              <Text size="xs" c="dimmed">
                {t("public.trend")}:{" "}
                {x.trend
                  .map(
                    (p) =>
                      `${p.name}: ${p.value === null ? "—" : formatNumber(p.value)}${p.sample ? ` (${t("public.sample")})` : ""}`,
                  )
                  .join(" · ")}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Bodies({ data }: { data: PublicProgress }) {
  const { t } = useI18n();
  if (data.byBody.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="public-bodies">
      <Title order={3}>{t("public.byBody")}</Title>
      <Text size="xs" c="dimmed">
        {t("public.byBodyNote")}
      </Text>
      {data.byBody.map((b) => (
        <Card key={b.unitId} withBorder padding="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to={`/cong-khai?donVi=${b.unitId}`} size="sm" style={{ minWidth: 0 }}>
              {b.name}
            </Anchor>
            <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
              {percent(b.rate) ?? "—"}
            </Text>
          </Group>
          <RateBar rate={b.rate} />
          <Text size="xs" c="dimmed">
            {t("public.done")}: {formatNumber(b.done)} · {t("public.overdue")}: {formatNumber(b.overdue)} ·{" "}
            {t("public.open")}: {formatNumber(b.open)}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

/** The public page: anyone, no sign-in; only what administrators made public, no lower than a commune. */
export function PublicPage() {
  const { t, lang, setLang } = useI18n();
  const [params] = useSearchParams();
  const plan = Number(params.get("keHoach"));
  const unit = Number(params.get("donVi"));
  const view: PublicView =
    plan > 0 ? { kind: "plan", id: plan } : unit > 0 ? { kind: "unit", id: unit } : { kind: "all" };
  const q = usePublicProgress(view);
  const data = q.data;
  const empty = data && data.plans.length === 0 && data.targets.length === 0;
  return (
    <Container size="lg" px="sm" py="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Title order={2} c="teal.8">
              {t("appName")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("public.title")}
            </Text>
          </div>
          <Group gap={4} wrap="nowrap">
            <Button variant="subtle" size="xs" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
              {t("language")}
            </Button>
            <Button component={Link} to="/" variant="light" size="xs">
              {t("public.signIn")}
            </Button>
          </Group>
        </Group>
        <Text size="sm">{t("public.intro")}</Text>
        {view.kind !== "all" && (
          <Anchor component={Link} to="/cong-khai" size="sm">
            {t("public.back")}
          </Anchor>
        )}
        {q.isPending && (
          <Center py="xl">
            <Loader />
          </Center>
        )}
        {q.error && (
          <Alert color="red">
            {q.error instanceof ApiError && q.error.status === 429
              ? t("public.rateLimited")
              : q.error instanceof ApiError && q.error.status === 404
                ? t("public.notFound")
                : q.error.message}
          </Alert>
        )}
        {empty && <Alert color="gray">{t("public.nothing")}</Alert>}
        {data && !empty && (
          <>
            <Text size="sm" c="dimmed" data-testid="public-as-of">
              {t("public.asOf")} {formatDate(data.asOf)}
              {data.unit ? ` · ${data.unit.name}` : ""}
              {data.plan ? ` · ${data.plan.number ?? ""}` : ""}
            </Text>
            <Tally tally={data.tasks} />
            <Text size="xs" c="dimmed">
              {t("public.rateNote")}
            </Text>
            <Plans data={data} />
            <Targets data={data} />
            <Bodies data={data} />
          </>
        )}
      </Stack>
    </Container>
  );
}
