import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CallOutcome, CallRequestView } from '../../../domain/work-orders/work-orders.contract';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useRecordCallOutcome } from '../api';

const OUTCOMES: CallOutcome[] = ['reached', 'no_answer', 'unreachable'];
const COLORS: Record<CallOutcome, string> = { reached: 'success', no_answer: 'warning', unreachable: 'error' };
const when = (iso: string | null) => (iso ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso)) : '');

/**
 * ARC-11: the doer's requests that the front desk call the household, with the desk's outcome. The doer sees
 * the outcome only; the desk (canRecord) records it for the open request. No number is ever shown here.
 */
export function ProxyCalls({ workOrderId, items, canRecord }: { workOrderId: string; items: CallRequestView[]; canRecord: boolean }) {
  const [open, setOpen] = useState(false);
  const record = useRecordCallOutcome(workOrderId);
  const { message } = App.useApp();
  if (items.length === 0) return null;
  const pending = items.some((r) => r.doneAt === null);
  return (
    <Card size="small" title={t('proxyCall.title')} style={{ marginTop: 12 }} data-testid="proxy-calls">
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text>
                {when(r.requestedAt)} {t('proxyCall.requested', { name: r.requestedByName ?? '', note: r.note })}
              </Typography.Text>
              {r.outcome ? (
                <Space wrap data-testid="proxy-call-outcome">
                  <Tag color={COLORS[r.outcome]}>{t(`proxyCall.outcome.${r.outcome}`)}</Tag>
                  <Typography.Text type="secondary">
                    {when(r.doneAt)} {t('proxyCall.done', { name: r.doneByName ?? '' })}
                  </Typography.Text>
                  {r.outcomeNote ? <Typography.Text>{r.outcomeNote}</Typography.Text> : null}
                </Space>
              ) : (
                <Tag color="processing">{t('proxyCall.pending')}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      {canRecord && pending ? (
        <Button type="primary" icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="proxy-call-record">
          {t('proxyCall.record')}
        </Button>
      ) : null}
      {open && (
        <FormModal<{ outcome: CallOutcome; note?: string }>
          title={t('proxyCall.record')}
          loading={record.isPending}
          onCancel={() => setOpen(false)}
          onSubmit={(v, form) =>
            record.mutate(
              { outcome: v.outcome, note: v.note?.trim() || undefined },
              {
                onSuccess: () => {
                  message.success(t('proxyCall.recorded'));
                  setOpen(false);
                },
                onError: (e) => {
                  if (isApiError(e) && e.fields.length) form.setFields(e.fields.map((f) => ({ name: (f.path.endsWith('outcome') ? 'outcome' : 'note') as 'outcome' | 'note', errors: [f.message] })));
                  else message.error(isApiError(e) ? e.message : t('error.unknown'));
                },
              },
            )
          }
        >
          <Form.Item name="outcome" label={t('proxyCall.outcome')} rules={[{ required: true, message: t('proxyCall.outcomeRequired') }]}>
            <Radio.Group data-testid="proxy-call-outcomes">
              {OUTCOMES.map((o) => (
                <Radio.Button key={o} value={o}>
                  {t(`proxyCall.outcome.${o}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('proxyCall.note')}>
            <Input.TextArea rows={3} maxLength={300} data-testid="proxy-call-note" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
