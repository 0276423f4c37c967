import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { t, roleLabels } from '../../i18n/zh-CN';
import { useActionError } from '../../lib/use-action-error';
import { useStepAction, type HelpStepJson } from '../api';
import { StepStatusTag } from './help-tags';
import { StepClock } from './step-clock';
import { savingOk } from '../../components/saving-ok';

const hhmm = (v: string | null) => (v ? dayjs(v).format('HH:mm:ss') : '');

/** One step with the buttons its role may press (the server's abilities): acknowledge, then complete with a note. */
export function StepActions({ step, large }: { step: HelpStepJson; large?: boolean }) {
  const { message } = App.useApp();
  const act = useStepAction();
  const onError = useActionError();
  const [note, setNote] = useState('');
  const size = large ? 'large' : 'middle';
  const run = (action: 'acknowledge' | 'complete') =>
    act.mutate(
      { stepId: step.id, action, version: step.version, note: action === 'complete' && note.trim() ? note.trim() : undefined },
      { onSuccess: () => message.success(action === 'acknowledge' ? t('help.acknowledge') : t('help.complete')), onError: (e) => onError(e) },
    );
  if (!step.abilities.acknowledge && !step.abilities.complete) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {step.abilities.complete && <Input size={size} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('help.completeNote')} aria-label={t('help.completeNote')} />}
      <Space wrap>
        {step.abilities.acknowledge && (
          <Button size={size} type="primary" danger {...savingOk(act.isPending)} onClick={() => run('acknowledge')} data-testid="step-ack">
            {t('help.acknowledge')}
          </Button>
        )}
        {step.abilities.complete && (
          <Button size={size} type={step.abilities.acknowledge ? 'default' : 'primary'} {...savingOk(act.isPending)} onClick={() => run('complete')} data-testid="step-complete">
            {t('help.complete')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** Who did it and when, for a step. */
export function StepMeta({ step, large }: { step: HelpStepJson; large?: boolean }) {
  return (
    <Space size={8} wrap>
      <StepStatusTag value={step.status} />
      <Tag>{roleLabels[step.role]}</Tag>
      {step.limitMinutes !== null && !step.dueAt && <Tag>{t('help.stepLimit', { n: step.limitMinutes })}</Tag>}
      <StepClock step={step} large={large} />
      {step.acknowledgedByName && step.status === 'acknowledged' && <Typography.Text type="secondary">{t('help.ackBy', { name: step.acknowledgedByName, at: hhmm(step.acknowledgedAt) })}</Typography.Text>}
      {step.doneByName && <Typography.Text type="secondary">{t('help.doneBy', { name: step.doneByName, at: hhmm(step.doneAt) })}</Typography.Text>}
    </Space>
  );
}

/** The incident's steps in order; steps of one group run together. */
export function StepList({ steps }: { steps: HelpStepJson[] }) {
  return (
    <Card size="small" title={t('help.steps')}>
      <List
        dataSource={steps}
        renderItem={(s) => (
          <List.Item key={s.id} data-testid="help-step" data-role={s.role} data-status={s.status}>
            <Space orientation="vertical" style={{ width: '100%' }} size={4}>
              <Typography.Text strong>
                {t('help.stepGroup', { n: s.parallelGroup })} · {s.title}
              </Typography.Text>
              {s.instruction && <Typography.Text type="secondary">{s.instruction}</Typography.Text>}
              {s.note && <Typography.Text>{s.note}</Typography.Text>}
              <StepMeta step={s} />
              <StepActions step={s} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
