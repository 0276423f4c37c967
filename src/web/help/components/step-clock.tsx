import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useNow } from '../../components/countdown';
import { t } from '../../i18n/zh-CN';
import type { HelpStepJson } from '../api';

export type StepClockState = 'none' | 'done' | 'ok' | 'warning' | 'overdue';

export interface StepClockReading {
  state: StepClockState;
  /** What the step's clock says at `now`; empty when it has no clock. */
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 12:05 left, 1:02:05 for an hour or more. */
function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * A playbook step's time limit at `now`: the time left counting down (amber in its last minute), then, once past,
 * how long it is overdue — in seconds during the first minute ("已超时 0 分钟" is never said), in whole minutes after.
 * The server's `overdue` wins over a browser clock that runs behind.
 */
export function stepClock(step: Pick<HelpStepJson, 'status' | 'dueAt' | 'limitMinutes' | 'overdue'>, now: number): StepClockReading {
  if (!step.dueAt || step.limitMinutes === null) return { state: 'none', text: '' };
  if (step.status === 'done') return { state: 'done', text: t('help.stepLimit', { n: step.limitMinutes }) };
  const left = new Date(step.dueAt).getTime() - now;
  if (left > 0 && !step.overdue) return { state: left <= 60_000 ? 'warning' : 'ok', text: t('help.stepLeft', { left: clock(left) }) };
  const past = Math.max(0, -left);
  if (past >= 60_000) return { state: 'overdue', text: t('help.stepOverdueMinutes', { n: Math.floor(past / 60_000) }) };
  if (past >= 1000) return { state: 'overdue', text: t('help.stepOverdueSeconds', { n: Math.floor(past / 1000) }) };
  return { state: 'overdue', text: t('help.stepDueNow') };
}

const COLORS: Record<StepClockState, string> = { none: 'default', done: 'default', ok: 'green', warning: 'orange', overdue: 'red' };

/** The live countdown of an open step's time limit; it ticks every second (a page shows a handful of steps). */
export function StepClock({ step, large }: { step: Pick<HelpStepJson, 'status' | 'dueAt' | 'limitMinutes' | 'overdue'>; large?: boolean }) {
  const now = useNow(1000);
  const r = stepClock(step, now);
  if (r.state === 'none') return null;
  return (
    <Tag color={COLORS[r.state]} data-testid="step-clock" data-state={r.state} style={{ fontVariantNumeric: 'tabular-nums', ...(large && r.state !== 'done' ? { fontSize: 16, lineHeight: '26px', paddingInline: 8 } : {}) }}>
      {r.state !== 'done' && <ClockCircleOutlined />} {r.text}
    </Tag>
  );
}
