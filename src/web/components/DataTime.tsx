import { Text } from "@mantine/core";
import { answerTime } from "../dataTime.ts";
import { formatTime } from "../format.ts";
import { useI18n } from "../i18n.tsx";

/** "Số liệu lúc hh:mm:ss": when the answer shown was computed (nothing until there is one). */
export function DataTime({ of }: { of: unknown }) {
  const { t } = useI18n();
  const at = answerTime(of);
  if (at === undefined) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="data-time">
      {t("dataTime.asOf")} {formatTime(at)}
    </Text>
  );
}
