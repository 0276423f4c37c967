import dayjs, { type Dayjs } from 'dayjs';
import type { CallClass } from '../../../domain/calls/calls.table';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../domain/calls/labels';

/** The classes in the order the paper ledger lists them. */
export const CLASS_ORDER: readonly CallClass[] = ['normal', 'Z', 'Q', 'GT', 'complaint', 'inquiry'];

/** What the 分类 column of the paper ledger shows: the Z/Q/GT marks of the manual, words for the rest. */
export const CLASS_MARKS: Record<CallClass, string> = { normal: '一般', Z: 'Z', Q: 'Q', GT: 'GT', complaint: '投诉', inquiry: '咨询' };

/** One colour per class, the same on every chart and tag (one list, shared with the tags). */
export { CLASS_COLORS } from '../../components/class-colors';

export const classOptions = CLASS_ORDER.map((c) => ({ value: c, label: CLASS_LABELS[c] }));
export const statusOptions = (Object.keys(CALL_STATUS_LABELS) as (keyof typeof CALL_STATUS_LABELS)[]).map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }));

export const fmtDateTime = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
export const fmtDate = (d: Dayjs) => d.format('YYYY-MM-DD');

export type DayRange = [Dayjs, Dayjs];

/** A range of whole days as the API wants it: from the first midnight to the midnight after the last day (exclusive). */
export function dayRangeToIso(range: DayRange | null): { from?: string; to?: string } {
  if (!range) return {};
  return { from: range[0].startOf('day').format(), to: range[1].add(1, 'day').startOf('day').format() };
}

export const thisMonth = (): DayRange => [dayjs().startOf('month'), dayjs().startOf('day')];
export const lastDays = (n: number): DayRange => [dayjs().subtract(n - 1, 'day').startOf('day'), dayjs().startOf('day')];

/** "2 天 3 小时" / "3 小时 05 分" / "12 分": a countdown precise enough for a board refreshed every 30 s. */
export function fmtDuration(ms: number): string {
  const m = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0) return `${d} 天 ${h} 小时`;
  if (h > 0) return `${h} 小时 ${String(min).padStart(2, '0')} 分`;
  return `${min} 分`;
}
