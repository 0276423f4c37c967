import { ClockCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { t } from '../i18n/zh-CN';

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
  return `${min}分`;
}

interface Props {
  dueAt: string | null;
  /** Finished work has no deadline left to show. */
  done?: boolean;
  /** Within this many minutes of the deadline the countdown turns amber. */
  warnMinutes?: number;
  /** The server's own reading (ok / warning / overdue), used until the local clock says overdue. */
  sla?: 'none' | 'ok' | 'warning' | 'overdue';
  strong?: boolean;
}

/** A live countdown to a deadline: green, amber inside the warning window, red once overdue. */
export function Countdown({ dueAt, done, warnMinutes = 30, sla, strong }: Props) {
  const now = useNow();
  if (!dueAt || done || sla === 'none') return <Typography.Text type="secondary">{t('sla.none')}</Typography.Text>;
  const left = new Date(dueAt).getTime() - now;
  const state = left <= 0 ? 'overdue' : sla === 'warning' || left <= warnMinutes * 60_000 ? 'warning' : 'ok';
  const type = state === 'overdue' ? 'danger' : state === 'warning' ? 'warning' : 'success';
  return (
    <Typography.Text type={type} strong={strong} data-testid="countdown" data-state={state}>
      <ClockCircleOutlined /> {t(`sla.${state}`, { left: formatSpan(left) })}
    </Typography.Text>
  );
}
