import "@mantine/dates/styles.css";
import {
  Badge,
  Card,
  Grid,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useDebouncedValue, useMediaQuery } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useI18n } from "../i18n.tsx";
import { type OrgUnit, useOrgUnits, useUnitSearch } from "../units.ts";
import { UnitDetail } from "./UnitDetail.tsx";

const BEFORE_REFORM = "2025-06-30";

export function UnitsPage() {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<"today" | "before" | "custom">("today");
  const [customDate, setCustomDate] = useState<string | null>(BEFORE_REFORM);
  const asOf = mode === "today" ? null : mode === "before" ? BEFORE_REFORM : customDate;
  const map = useOrgUnits(asOf);
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [selected, setSelected] = useState<number | null>(null);

  const search = useUnitSearch(debounced, asOf);

  const children = useMemo(() => {
    const m = new Map<number | null, OrgUnit[]>();
    for (const u of map.data?.units ?? []) {
      const list = m.get(u.parentId) ?? [];
      list.push(u);
      m.set(u.parentId, list);
    }
    return m;
  }, [map.data]);

  const renderNode = (u: OrgUnit, depth: number) => {
    const kids = children.get(u.id) ?? [];
    return (
      <NavLink
        key={u.id}
        label={u.fullName}
        description={
          u.formedFrom.length > 0
            ? `${t("units.formedFrom")} ${u.formedFrom.length} ${t("units.unitsWord")}`
            : undefined
        }
        active={selected === u.id}
        defaultOpened={depth === 0}
        onClick={() => setSelected(u.id)}
        childrenOffset={14}
        data-unit={u.fullName}
      >
        {kids.length > 0 ? kids.map((k) => renderNode(k, depth + 1)) : undefined}
      </NavLink>
    );
  };

  const roots = children.get(null) ?? [];
  // three choices do not fit side by side on a phone: stacked there
  const phone = useMediaQuery("(max-width: 575.98px)");
  return (
    <Stack>
      <Title order={2}>{t("units.title")}</Title>
      <Group align="end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t("units.asOf")}
          </Text>
          <SegmentedControl
            orientation={phone ? "vertical" : "horizontal"}
            value={mode}
            onChange={(v) => {
              setMode(v as typeof mode);
              setSelected(null);
            }}
            data={[
              { value: "today", label: t("units.today") },
              { value: "before", label: t("units.beforeReform") },
              { value: "custom", label: t("units.pickDate") },
            ]}
          />
        </div>
        {mode === "custom" && (
          <DateInput
            value={customDate}
            onChange={(v) => {
              setCustomDate(v);
              setSelected(null);
            }}
            valueFormat="DD/MM/YYYY"
            locale={lang === "vi" ? "vi" : "en"}
            aria-label={t("units.asOf")}
            w={160}
          />
        )}
        <TextInput
          placeholder={t("units.search")}
          aria-label={t("units.search")}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          miw={260}
          style={{ flex: 1 }}
        />
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder p="xs">
            <ScrollArea.Autosize mah="70vh">
              {debounced.length > 0 ? (
                <Stack gap={0} data-testid="search-results">
                  {search.data?.hits.length === 0 && <Text c="dimmed">{t("units.noResult")}</Text>}
                  {search.data?.hits.map((h) => (
                    <NavLink
                      key={h.unit.id}
                      label={h.unit.fullName}
                      description={`${t(`match.${h.match}`)}: “${h.matchedName}”`}
                      active={selected === h.unit.id}
                      onClick={() => setSelected(h.unit.id)}
                      rightSection={
                        h.match !== "exact" ? (
                          <Badge
                            size="xs"
                            variant="light"
                            color={h.match === "no_diacritics" ? "orange" : "blue"}
                          >
                            {t(
                              h.match === "no_diacritics"
                                ? "units.match.no_diacritics"
                                : "units.match.tone_placement",
                            )}
                          </Badge>
                        ) : undefined
                      }
                    />
                  ))}
                </Stack>
              ) : (
                <div data-testid="unit-tree">
                  {map.isPending ? <Text>{t("loading")}</Text> : roots.map((r) => renderNode(r, 0))}
                </div>
              )}
            </ScrollArea.Autosize>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <UnitDetail id={selected} onSelect={setSelected} />
          ) : (
            <Text c="dimmed">{t("units.select")}</Text>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
