import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../i18n/zh-CN';
import type { SlaReadingJson } from '../../domain/deadlines/deadlines.contract';

/** The current time, refreshed every `everyMs` (one timer per mounted countdown; they are few per page). */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** 2天3小时 / 1小时20分 / 12分 — the coarsest two units that matter at a desk. */
export function formatSpan(ms: number): string {
  const m = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  if (d > 0) return `${d}天${h}小时`;
  if (h > 0) return `${h}小时${min}分`;
  return min > 0 ? `${min}分` : '不足1分';
}

/** The server's SLA reading of a record (slaReading in src/domain/deadlines), as JSON: its contract's type. */
export type SlaReadingView = SlaReadingJson;
type SlaState = SlaReadingJson['state'];

const RANK: Record<SlaState, number> = { none: 0, ok: 1, warning: 2, overdue: 3 };

/**
 * The state to show at `now`: the server's reading, moved on by the local clock as time passes (amber from
 * the server's warnAt, red from its dueAt); never back to an earlier state than the server said.
 */
export function liveState(sla: SlaReadingView, now: number): SlaState {
  if (sla.state === 'none' || !sla.dueAt) return 'none';
  const local: SlaState = now >= new Date(sla.dueAt).getTime() ? 'overdue' : sla.warnAt && now >= new Date(sla.warnAt).getTime() ? 'warning' : 'ok';
  return RANK[local] > RANK[sla.state] ? local : sla.state;
}

interface Props {
  /** The server's reading: its warn-at and state; the remaining time ticks locally from its dueAt. */
  sla: SlaReadingView | null | undefined;
  strong?: boolean;
}

/** A live countdown to a deadline: green, amber inside the warning window, red once overdue. */
export function Countdown({ sla, strong }: Props) {
  const now = useNow();
  const state = sla ? liveState(sla, now) : 'none';
  if (!sla?.dueAt || state === 'none') return <Typography.Text type="secondary">{t('sla.none')}</Typography.Text>;
  const left = new Date(sla.dueAt).getTime() - now;
  const type = state === 'overdue' ? 'danger' : state === 'warning' ? 'warning' : 'success';
  // Within the first minute past the deadline there is no "0 minutes overdue": it is due now.
  const text = state === 'overdue' && Math.abs(left) < 60_000 ? t('sla.dueNow') : t(`sla.${state}`, { left: formatSpan(left) });
  return (
    <Typography.Text type={type} strong={strong} data-testid="countdown" data-state={state}>
      <ClockCircleOutlined /> {text}
    </Typography.Text>
  );
}
