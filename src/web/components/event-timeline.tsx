import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { CLASS_LABELS } from '../../domain/calls/labels';
import { zhCN, type MessageKey } from '../i18n/zh-CN';
import type { CallClass } from '../../domain/calls/calls.table';
import type { TimelineEvent } from '../../domain/shared/wire.contract';

const label = (type: string) => {
  const key = `event.${type}`;
  return key in zhCN ? zhCN[key as MessageKey] : type;
};

const cls = (v: unknown) => (typeof v === 'string' && v in CLASS_LABELS ? CLASS_LABELS[v as CallClass] : String(v ?? ''));
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The one line of detail an event of each type carries. */
function describe(e: TimelineEvent): string {
  const d = e.detail ?? {};
  switch (e.type) {
    case 'recorded':
      return `${cls(d.class)}：${text(d.reason)}`;
    case 'class_override':
      return `${cls(d.from)} → ${cls(d.to)}：${text(d.reason)}`;
    case 'dispatch':
    case 'assigned':
    case 'reassign':
      return [text(d.workOrder), text(d.to), text(d.note)].filter(Boolean).join(' · ');
    case 'complete':
      return text(d.result);
    case 'resolve':
      return text(d.note);
    case 'reject':
    case 'reopen':
    case 'cancel':
      return text(d.reason);
    case 'close':
      return text(d.closeNumber);
    case 'chase':
      return [d.count ? `#${text(d.count)}` : '', text(d.note)].filter(Boolean).join(' ');
    case 'auto_gt':
      return cls(d.from);
    default:
      return d.level ? `L${text(d.level)}` : '';
  }
}

const COLORS: Record<string, string> = { deadline_warning: 'orange', deadline_missed: 'red', deadline_escalated: 'red', close: 'green', verify: 'green', reject: 'red' };

/** How a kind of record names its events, details them and colours them (a call's by default). */
export interface TimelineReading {
  label: (type: string) => string;
  describe: (e: TimelineEvent) => string;
  colors: Record<string, string>;
}

const CALL_READING: TimelineReading = { label, describe, colors: COLORS };

/** What happened to a record or work order, oldest first, with who did it. */
export function EventTimeline({ events, testId, reading = CALL_READING }: { events: TimelineEvent[]; testId?: string; reading?: TimelineReading }) {
  return (
    <Timeline
      data-testid={testId}
      items={events.map((e, i) => {
        const detail = reading.describe(e);
        return {
          key: `${e.at}-${i}`,
          color: reading.colors[e.type] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>{reading.label(e.type)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {dayjs(e.at).format('MM-DD HH:mm')} {e.actorName ?? ''}
              </Typography.Text>
              {detail && <div>{detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
