import { Box, Text, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useOrgUnits } from "../../units.ts";
import { COMMUNE_TILES } from "./communeTiles.ts";

/** Shade from white (none) to deep red (the most overdue work among the communes). */
function shade(n: number, max: number): string {
  if (n === 0 || max === 0) return "var(--mantine-color-teal-0)";
  const step = Math.min(9, 3 + Math.round((n / max) * 6));
  return `var(--mantine-color-red-${step})`;
}

/** The 38 communes as tiles laid out roughly as they lie, coloured by their overdue work. */
export function CommuneTileMap({ overdue, asOf }: { overdue: Map<number, number>; asOf: string }) {
  const { t } = useI18n();
  const units = useOrgUnits(asOf);
  const communes = (units.data?.units ?? []).filter((u) => u.code && COMMUNE_TILES[u.code]);
  const max = Math.max(0, ...communes.map((u) => overdue.get(u.id) ?? 0));
  return (
    <Box>
      <Box
        data-testid="commune-tiles"
        style={{
          display: "grid",
          gridTemplateColumns: "repeat(10, minmax(0, 1fr))",
          gridAutoRows: "minmax(2.6rem, auto)",
          gap: 3,
        }}
      >
        {communes.map((u) => {
          const [col, row] = COMMUNE_TILES[u.code as string] as [number, number];
          const n = overdue.get(u.id) ?? 0;
          return (
            <Tooltip key={u.id} label={`${u.fullName}: ${formatNumber(n)} ${t("overview.overdueItems")}`}>
              <Box
                component={Link}
                to={`/nhiem-vu?unitId=${u.id}&timeliness=overdue`}
                style={{
                  gridColumn: col + 1,
                  gridRow: row + 1,
                  background: shade(n, max),
                  color: n > 0 && n / Math.max(1, max) > 0.5 ? "white" : "inherit",
                  borderRadius: 4,
                  padding: 2,
                  textDecoration: "none",
                  fontSize: 10,
                  lineHeight: 1.1,
                  textAlign: "center",
                  overflow: "hidden",
                }}
              >
                {u.name}
                <br />
                <b>{formatNumber(n)}</b>
              </Box>
            </Tooltip>
          );
        })}
      </Box>
      <Text size="xs" c="dimmed" mt={4}>
        <Text span fw={700} size="xs" data-testid="count-communes">
          {communes.length}
        </Text>{" "}
        {t("overview.communesToday")} · {t("overview.tilesNote")}
      </Text>
    </Box>
  );
}
