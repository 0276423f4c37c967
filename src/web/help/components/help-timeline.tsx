import { Card, Timeline, Typography } from 'antd';
import { BRANCH_LABELS, HELP_CATEGORY_LABELS, HELP_OUTCOME_LABELS } from '../../../domain/help/labels';
import dayjs from 'dayjs';

import { t, zhCN, type MessageKey } from '../../i18n/zh-CN';
import type { HelpEventJson, HelpStepJson } from '../../../domain/help/help.contract';
import { StepClock } from './step-clock';

const label = (type: string) => {
  const key = `event.${type}`;
  return key in zhCN ? zhCN[key as MessageKey] : type;
};
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function describe(e: HelpEventJson): string {
  const d = e.detail ?? {};
  switch (e.type) {
    case 'recorded':
      return HELP_CATEGORY_LABELS[d.category as keyof typeof HELP_CATEGORY_LABELS] ?? '';
    case 'responded':
    case 'step_done':
      return [e.stepTitle, text(d.note)].filter(Boolean).join('：');
    case 'step_acknowledged':
    case 'step_overdue':
      return e.stepTitle ?? '';
    case 'playbook_started':
      return [text(d.playbook), d.branch ? (BRANCH_LABELS[text(d.branch)] ?? text(d.branch)) : ''].filter(Boolean).join(' · ');
    case 'alerted':
      return `${text(d.users)} 人`;
    case 'escalated':
    case 'ack_overdue':
      return `L${text(d.level)}`;
    case 'closed':
      return [HELP_OUTCOME_LABELS[d.outcome as keyof typeof HELP_OUTCOME_LABELS] ?? '', text(d.result), text(d.referredTo)].filter(Boolean).join('：');
    default:
      return '';
  }
}

const COLORS: Record<string, string> = { escalated: 'red', ack_overdue: 'red', step_overdue: 'red', playbook_started: 'red', alerted: 'orange', step_done: 'green', closed: 'green' };

/**
 * The typed, append-only timeline: minute since intake, time, who, from which device, what; then, while the incident
 * runs, the steps still open with their time limits counting down.
 */
export function HelpTimeline({ events, steps = [] }: { events: HelpEventJson[]; steps?: HelpStepJson[] }) {
  const open = steps.filter((s) => s.status !== 'done' && s.dueAt);
  return (
    <Card size="small" title={t('help.timeline')}>
      <Timeline
        data-testid="help-timeline"
        items={[
          ...events.map((e, i) => ({
          key: i,
          color: COLORS[e.type] ?? 'blue',
          content: (
            <div data-testid="timeline-item" data-type={e.type}>
              <Typography.Text type="secondary">
                {t('help.minute', { n: e.minute })} · {dayjs(e.at).format('HH:mm:ss')}
                {e.actorName ? ` · ${e.actorName}` : ''}
                {e.device ? ` · ${e.device === 'phone' ? t('help.device.phone') : t('help.device.desktop')}` : ''}
              </Typography.Text>
              <div>
                <Typography.Text strong>{label(e.type)}</Typography.Text> {describe(e)}
              </div>
            </div>
          ),
          })),
          ...open.map((s) => ({
            key: `open-${s.id}`,
            color: 'gray',
            content: (
              <div data-testid="timeline-open-step" data-status={s.status}>
                <Typography.Text type="secondary">{t('help.timelineWaiting')}</Typography.Text>
                <div>
                  <Typography.Text>{s.title}</Typography.Text> <StepClock step={s} />
                </div>
              </div>
            ),
          })),
        ]}
      />
    </Card>
  );
}
