import { Badge, Card, Checkbox, Group, MultiSelect, Select, Stack, Text } from "@mantine/core";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import type { Confirmed, PlanDraft, UnitOption } from "./reviewTypes.ts";

/** Each body the plan names: the unit it was matched to (changeable), or a new body to create. */
export function ReviewBodies(props: {
  draft: PlanDraft;
  plan: Confirmed;
  setPlan: (f: (p: Confirmed) => Confirmed) => void;
  units: UnitOption[];
}) {
  const { t } = useI18n();
  const data = props.units.map((u) => ({
    value: String(u.id),
    label: u.validTo ? `${u.fullName} (${t("docs.until")} ${formatDate(u.validTo)})` : u.fullName,
  }));
  const update = (text: string, patch: { unitId?: number | null; create?: boolean; members?: number[] }) =>
    props.setPlan((p) => ({ ...p, bodies: p.bodies.map((b) => (b.text === text ? { ...b, ...patch } : b)) }));
  return (
    <Card withBorder data-testid="review-bodies">
      <Text fw={600} mb="xs">
        {t("docs.bodies")}
      </Text>
      <Stack gap="xs">
        {props.plan.bodies.map((b) => {
          const mention = props.draft.bodies.find((m) => m.text === b.text);
          const status = mention?.plural
            ? { label: t("docs.bodySet"), color: "grape" }
            : b.unitId
              ? mention?.unit?.match === "no_diacritics" && mention.unit.id === b.unitId
                ? { label: t("match.no_diacritics"), color: "orange" }
                : { label: t("docs.bodyMatched"), color: "teal" }
              : b.create
                ? { label: t("docs.bodyNew"), color: "blue" }
                : { label: t("docs.bodyUnknown"), color: "red" };
          return (
            <Group key={b.text} gap="xs" align="center" wrap="wrap" data-body={b.text}>
              <Text size="sm" w={260}>
                {b.text}
              </Text>
              <Badge size="sm" color={status.color} variant="light">
                {status.label}
              </Badge>
              {mention?.plural && (mention.setKind === "related" || mention.setKind === "other") && (
                <MultiSelect
                  size="xs"
                  w={420}
                  searchable
                  placeholder={t("bodies.pickMembers")}
                  data={data}
                  value={b.members.map(String)}
                  onChange={(v) => update(b.text, { members: v.map(Number) })}
                  aria-label={`${t("bodies.pickMembers")}: ${b.text}`}
                  data-testid="pick-members"
                />
              )}
              {!mention?.plural && (
                <>
                  <Select
                    size="xs"
                    w={320}
                    searchable
                    clearable
                    placeholder={t("docs.pickUnit")}
                    data={data}
                    value={b.unitId ? String(b.unitId) : null}
                    onChange={(v) => update(b.text, { unitId: v ? Number(v) : null, create: false })}
                    aria-label={`${t("docs.pickUnit")}: ${b.text}`}
                  />
                  {!b.unitId && (
                    <Checkbox
                      size="xs"
                      label={t("docs.createBody")}
                      checked={b.create}
                      onChange={(e) => update(b.text, { create: e.currentTarget.checked })}
                    />
                  )}
                </>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
