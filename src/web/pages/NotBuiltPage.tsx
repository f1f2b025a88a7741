import { Alert, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../i18n.tsx";

type Section = "reports";

/** A section the product will have but does not yet: says so plainly instead of showing fake content. */
export function NotBuiltPage({ section }: { section: Section }) {
  const { t } = useI18n();
  return (
    <Stack maw={720}>
      <Title order={2}>{t(`nav.${section}`)}</Title>
      <Alert color="gray" title={t("notBuiltTitle")} data-testid="not-built">
        <Text size="sm">{t("notBuiltBody")}</Text>
        <Text size="sm" mt={4}>
          {t(`notBuilt.${section}`)}
        </Text>
      </Alert>
    </Stack>
  );
}
