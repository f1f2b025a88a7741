import { Alert, Anchor, Card, Group, Stack, Switch, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { ApiError } from "../../api.ts";
import { docLabel } from "../../documents.ts";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { usePublicationChoices, useSetPublication } from "../../publicProgress.ts";

/** Quản trị → Trang công khai: which plans and targets anyone may see (each switch audited on the server). */
export function PublicationPage() {
  const { t } = useI18n();
  const choices = usePublicationChoices();
  const set = useSetPublication();
  const data = choices.data;
  return (
    <Stack gap="md">
      <Title order={2}>{t("publication.title")}</Title>
      <Text size="sm">{t("publication.intro")}</Text>
      <Anchor component={Link} to="/cong-khai" size="sm" target="_blank">
        {t("publication.open")}
      </Anchor>
      {set.error && (
        <Alert color="red">{set.error instanceof ApiError ? set.error.message : String(set.error)}</Alert>
      )}
      {choices.error && <Alert color="red">{choices.error.message}</Alert>}
      {data && (
        <>
          <Title order={3}>{t("publication.plans")}</Title>
          {data.documents.length === 0 && <Text c="dimmed">{t("publication.none")}</Text>}
          {data.documents.map((d) => (
            <Card key={d.id} withBorder padding="sm" data-testid="publication-document">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {docLabel(d)} {d.issuedOn ? `(${formatDate(d.issuedOn)})` : ""}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    {d.title}
                  </Text>
                </div>
                <Switch
                  label={t("publication.public")}
                  checked={d.public}
                  disabled={set.isPending}
                  onChange={(e) =>
                    set.mutate({ what: "documents", id: d.id, public: e.currentTarget.checked })
                  }
                />
              </Group>
            </Card>
          ))}
          <Title order={3}>{t("publication.targets")}</Title>
          {data.targets.length === 0 && <Text c="dimmed">{t("publication.none")}</Text>}
          {data.targets.map((x) => (
            <Card key={x.id} withBorder padding="sm" data-testid="publication-target">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                    {x.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {x.unitName}
                    {x.documentNumber ? ` · ${x.documentNumber}` : ""}
                  </Text>
                  {!x.eligible && (
                    <Text size="xs" c="orange.8">
                      {t("publication.belowCommune")}
                    </Text>
                  )}
                </div>
                <Switch
                  label={t("publication.public")}
                  checked={x.public}
                  disabled={set.isPending || (!x.eligible && !x.public)}
                  onChange={(e) => set.mutate({ what: "targets", id: x.id, public: e.currentTarget.checked })}
                />
              </Group>
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}
