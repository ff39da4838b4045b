// One ECharts chart, drawn as SVG: crisp on screen and in a printed PDF, and only the parts the overview
// uses are bundled (echarts/core with bar, pie and line; no canvas renderer, no map data, no network).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The palette of the app's style (the Party red first), so charts read as part of the page. */
export const CHART_COLORS = ['#c8102e', '#e8a33d', '#3b6fb6', '#2f8f83', '#8c5fb0', '#86909c', '#d4616f', '#5a9bd5'];

export function Chart({ option, height = 220, label, onClick, animation = true }: { option: ChartOption; height?: number; label: string; onClick?: (name: string, dataIndex: number) => void; animation?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(String(params.name), params.dataIndex));
    // The card's width follows the window (and the sider folding): the chart follows the card.
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // The page's own font: CJK labels in the same face as the text around them (ECharts' default is sans-serif).
    const fontFamily = getComputedStyle(document.body).fontFamily;
    chartRef.current?.setOption({ color: CHART_COLORS, textStyle: { fontFamily }, animation, ...option }, true);
  }, [option, animation]);

  return <div ref={ref} className="chart" role="img" aria-label={label} style={{ height, cursor: onClick ? 'pointer' : undefined }} />;
}
