import { Alert, Button, Card, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useI18n } from "../i18n.tsx";
import { useSession } from "../session.ts";
import { useMoveWork, useOpenWork } from "../units.ts";

/** On a ceased body's page, for coordinators: its open work and one button to move it to a successor. */
export function CeasedBodyWork({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const session = useSession();
  // the server's policy: moving a ceased body's work is coordinating tasks
  const allowed = session.data?.can?.coordinateTasks === true;
  const [target, setTarget] = useState<string | null>(null);
  const q = useOpenWork(unitId, allowed);
  const move = useMoveWork(unitId);
  if (!allowed || !q.data?.ceased) return null;
  const { successors, openTasks, openShares } = q.data;
  const live = successors.filter((s) => !s.ceased);
  return (
    <Card withBorder data-testid="ceased-body-work">
      <Stack gap="xs">
        <Text fw={500}>{t("bodies.moveTitle")}</Text>
        <Text size="sm">
          {t("bodies.moveOpen")}: {openTasks} · {t("bodies.moveShares")}: {openShares}
        </Text>
        {live.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("bodies.noSuccessor")}
          </Text>
        ) : (
          <Group align="end">
            <Select
              label={t("bodies.moveTo")}
              data={live.map((s) => ({ value: String(s.id), label: s.name }))}
              value={target ?? (live.length === 1 ? String(live[0]?.id) : null)}
              onChange={setTarget}
              w={360}
            />
            <Button
              disabled={openTasks + openShares === 0 || !(target ?? (live.length === 1 ? live[0]?.id : null))}
              loading={move.isPending}
              onClick={() => move.mutate(Number(target ?? live[0]?.id))}
            >
              {t("bodies.moveButton")}
            </Button>
          </Group>
        )}
        {move.isSuccess && (
          <Alert color="green">
            {t("bodies.moved")} {move.data.to.name}: {move.data.tasks} · {move.data.shares}
          </Alert>
        )}
        {move.error && <Alert color="red">{move.error.message}</Alert>}
      </Stack>
    </Card>
  );
}
