import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

const fmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** A trend line: values by period, with the target (when there is one) as a dashed line. */
export function TrendChart(props: {
  labels: string[];
  values: (number | null)[];
  target: number | null;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: "svg" });
    const bounds = [
      ...(props.target === null ? [] : [props.target]),
      ...props.values.filter((v): v is number => v !== null),
    ];
    chart.setOption({
      animation: false,
      grid: { left: 36, right: 8, top: 10, bottom: 22 },
      tooltip: { trigger: "axis", valueFormatter: (v: number) => fmt.format(v) },
      xAxis: { type: "category", data: props.labels, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: "value",
        min: bounds.length ? Math.floor(Math.min(...bounds) - 1) : 0,
        max: bounds.length ? Math.ceil(Math.max(...bounds) + 1) : 100,
        axisLabel: { fontSize: 10, formatter: (v: number) => fmt.format(v) },
      },
      series: [
        {
          type: "line",
          data: props.values,
          symbolSize: 6,
          showSymbol: true,
          showAllSymbol: true,
          connectNulls: true,
          ...(props.target === null
            ? {}
            : {
                markLine: {
                  silent: true,
                  symbol: "none",
                  lineStyle: { type: "dashed" },
                  data: [{ yAxis: props.target }],
                  label: { formatter: fmt.format(props.target), position: "insideEndTop" },
                },
              }),
        },
      ],
    });
    return () => chart.dispose();
  }, [props.labels, props.values, props.target]);
  return <div ref={el} style={{ width: "100%", height: props.height ?? 120 }} />;
}
