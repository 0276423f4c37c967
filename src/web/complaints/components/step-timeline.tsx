import { EventTimeline } from '../../components/event-timeline';
import { zhCN, type MessageKey } from '../../i18n/zh-CN';
import { COMPLAINT_LEVEL_LABELS } from '../../../domain/complaints/labels';
import type { TimelineEvent } from '../../../domain/shared/wire.contract';

const label = (type: string) => {
  const key = `cevent.${type}`;
  return key in zhCN ? zhCN[key as MessageKey] : type;
};
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const level = (v: unknown) => (typeof v === 'string' && v in COMPLAINT_LEVEL_LABELS ? COMPLAINT_LEVEL_LABELS[v as keyof typeof COMPLAINT_LEVEL_LABELS] : '');

function describe(e: TimelineEvent): string {
  const d = e.detail ?? {};
  switch (e.type) {
    case 'judge_valid':
      return level(d.level);
    case 'reopen':
      return [`${level(d.from)} → ${level(d.to)}`, text(d.comments)].filter(Boolean).join('：');
    case 'auto_major':
      return level(d.from) ? `${level(d.from)} → ${COMPLAINT_LEVEL_LABELS.major}` : '';
    default:
      return [text(d.reason), text(d.action), text(d.note), text(d.reply)].filter(Boolean).join(' ');
  }
}

const COLORS: Record<string, string> = { deadline_missed: 'red', deadline_escalated: 'red', reopen: 'red', auto_major: 'red', close: 'green', inform: 'green' };

/** The steps of a complaint or a contact form, oldest first, with who took them (the shared timeline, read as steps). */
export function StepTimeline({ events }: { events: TimelineEvent[] }) {
  return <EventTimeline events={events} testId="complaint-timeline" reading={{ label, describe, colors: COLORS }} />;
}
