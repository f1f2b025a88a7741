import { lazy, Suspense } from "react";
import type { TrendChart as Chart } from "./TrendChart.tsx";

// echarts is most of the figures page's weight: it loads when a chart is shown, so the officer's form
// (the same page, another tab) opens without it, online and offline
const TrendChartChunk = lazy(async () => ({ default: (await import("./TrendChart.tsx")).TrendChart }));

/** The trend chart, loaded on first use (room kept at its height meanwhile). */
export function TrendChart(props: Parameters<typeof Chart>[0]) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 120 }} />}>
      <TrendChartChunk {...props} />
    </Suspense>
  );
}
