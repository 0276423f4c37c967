import type { Dayjs } from 'dayjs';
import type { CallClass } from '../../../domain/calls/calls.table';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../domain/calls/labels';
import type { CallStats, GroupBy } from '../../../domain/calls/ledger.contract';
import type { ChartOption } from './components/echart';
import { CLASS_COLORS, CLASS_ORDER, type DayRange } from './format';
import { rt } from './messages';

/** A row of a class-by-X table: its label, a count per class and the row total. */
export interface PivotRow {
  key: string;
  label: string;
  counts: Record<CallClass, number>;
  total: number;
}

const zero = (): Record<CallClass, number> => ({ normal: 0, Z: 0, Q: 0, GT: 0, complaint: 0, inquiry: 0 });
const MAX_BUCKETS = 400;

const bucketStart = (d: Dayjs, g: GroupBy) => (g === 'day' ? d.startOf('day') : g === 'month' ? d.startOf('month') : d.startOf('day').subtract((d.day() + 6) % 7, 'day'));

/** Every period of the range, so days without calls show as zero instead of disappearing. */
export function periodsOf(range: DayRange | null, g: GroupBy): string[] {
  if (!range) return [];
  const out: string[] = [];
  for (let d = bucketStart(range[0], g); !d.isAfter(range[1]) && out.length < MAX_BUCKETS; d = d.add(1, g)) out.push(d.format('YYYY-MM-DD'));
  return out;
}

export function periodLabel(period: string, g: GroupBy): string {
  if (g === 'month') return period.slice(0, 7);
  if (g === 'week') return `${period} 周`;
  return period;
}

/** Counts by period and class, with every period of the range present. */
export function pivotPeriods(stats: CallStats, range: DayRange | null, g: GroupBy): PivotRow[] {
  const rows = new Map<string, PivotRow>();
  const get = (p: string) => {
    let r = rows.get(p);
    if (!r) rows.set(p, (r = { key: p, label: periodLabel(p, g), counts: zero(), total: 0 }));
    return r;
  };
  for (const p of periodsOf(range, g)) get(p);
  for (const s of stats.byPeriod) {
    const r = get(s.period);
    r.counts[s.cls] += s.n;
    r.total += s.n;
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function pivotDistricts(stats: CallStats): PivotRow[] {
  const rows = new Map<string, PivotRow>();
  for (const s of stats.byDistrict) {
    const key = s.districtId ?? '-';
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, label: s.district ?? rt('stats.noDistrict'), counts: zero(), total: 0 }));
    r.counts[s.cls] += s.n;
    r.total += s.n;
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

/** The classes that occur at all (empty ones would only clutter legend and table). */
export const classesIn = (rows: PivotRow[]): CallClass[] => CLASS_ORDER.filter((c) => rows.some((r) => r.counts[c] > 0));

const tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' } } as const;

export function stackedBars(rows: PivotRow[], classes: CallClass[], horizontal = false): ChartOption {
  const cat = { type: 'category' as const, data: rows.map((r) => r.label) };
  const val = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip,
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: classes.map((c) => ({ type: 'bar', name: CLASS_LABELS[c], stack: 'n', color: CLASS_COLORS[c], barMaxWidth: 36, data: rows.map((r) => r.counts[c]) })),
  };
}

export function pie(items: { name: string; value: number; color?: string }[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '68%'], top: -20, label: { formatter: '{b} {c}' }, data: items.map((i) => ({ name: i.name, value: i.value, itemStyle: i.color ? { color: i.color } : undefined })) }],
  };
}

export const classPie = (stats: CallStats) => pie(CLASS_ORDER.filter((c) => stats.totals[c] > 0).map((c) => ({ name: CLASS_LABELS[c], value: stats.totals[c], color: CLASS_COLORS[c] })));

const STATUS_COLORS = { open: '#faad14', in_progress: '#1677ff', resolved: '#13c2c2', closed: '#52c41a' } as const;
export const statusPie = (stats: CallStats) => pie(stats.byStatus.map((s) => ({ name: CALL_STATUS_LABELS[s.status], value: s.n, color: STATUS_COLORS[s.status] })));
