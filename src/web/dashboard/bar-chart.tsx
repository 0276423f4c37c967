import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** A small bar chart; a click on a bar calls `onPick` with its index (through to the records behind it). */
export function Bars({ labels, values, color, label, onPick, height = 220 }: { labels: string[]; values: number[]; color: string; label: string; onPick?: (i: number) => void; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => pick.current?.(p.dataIndex));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const option: Option = {
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, itemStyle: { color }, barMaxWidth: 36, cursor: onPick ? 'pointer' : 'default' }],
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [labels, values, color, onPick]);

  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
