import { ProxyCalls } from './proxy-calls';
import { App, Button, Card, Descriptions, Form, Image, Input, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Countdown } from '../../components/countdown';
import { t } from '../../i18n/zh-CN';
import { useWorkOrder, useWorkOrderStep } from '../api';
import type { WorkOrderStatus } from '../../../domain/work-orders/work-orders.table';
import type { WorkOrderSummary } from '../../lib/slots';
import { EventTimeline } from '../../components/event-timeline';
import { FormModal } from '../../components/form-modal';
import { WorkOrderStatusTag } from '../../components/tags';
import { useActionError } from '../../lib/use-action-error';

const STEP_INDEX: Record<WorkOrderStatus, number> = { assigned: 0, accepted: 1, on_site: 2, done: 3, verified: 4, cancelled: 0 };
const STEP_TITLES = [t('event.assigned'), t('event.accept'), t('event.arrive'), t('event.complete'), t('event.verify')];

/**
 * One 报修单 of the record: who, where it stands, its steps and photos; customer service checks the
 * completed work here (验收 / 退回返工, CALL-2 and CALL-5), as the work order's abilities allow.
 */
export function WorkOrderCard({ summary }: { summary: WorkOrderSummary }) {
  const detail = useWorkOrder(summary.id);
  const step = useWorkOrderStep(summary.id);
  const fail = useActionError();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const wo = detail.data ?? null;
  const status = wo?.status ?? summary.status;
  const version = wo?.version ?? summary.version;
  const abilities = wo?.abilities;

  const verify = () =>
    step.mutate({ step: 'verify', body: { version } }, { onSuccess: () => message.success({ content: t('action.done'), key: 'work-order-step' }), onError: (e) => fail(e) });

  return (
    <Card
      size="small"
      data-testid="work-order"
      title={
        <Space wrap>
          <span>{t('wo.number', { number: summary.number })}</span>
          <WorkOrderStatusTag value={status} />
        </Space>
      }
      extra={<Countdown sla={wo?.sla ?? summary.sla} />}
    >
      <Steps
        size="small"
        current={STEP_INDEX[status]}
        status={status === 'cancelled' ? 'error' : status === 'verified' ? 'finish' : 'process'}
        items={STEP_TITLES.map((title) => ({ title }))}
        style={{ marginBottom: 12 }}
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          summary.vendorName
            ? { key: 'v', label: t('wo.vendor'), children: summary.vendorName }
            : { key: 'a', label: t('wo.assignee'), children: summary.assigneeName ?? '—' },
          { key: 'c', label: t('action.chase'), children: t('wo.chaseCount', { n: wo?.chaseCount ?? summary.chaseCount }) },
          ...(wo?.result ? [{ key: 'r', label: t('wo.result'), children: wo.result, span: 2 }] : []),
          ...(wo?.materials ? [{ key: 'm', label: t('wo.materials'), children: wo.materials, span: 2 }] : []),
        ]}
      />
      {wo?.photos && wo.photos.length > 0 && (
        <div style={{ margin: '8px 0' }}>
          <Typography.Text type="secondary">{t('wo.photos')}</Typography.Text>
          <Image.PreviewGroup>
            <Space wrap style={{ display: 'flex', marginTop: 4 }}>
              {wo.photos.map((src, i) => (
                <Image key={i} src={src} width={88} height={88} style={{ objectFit: 'cover' }} alt={`${t('wo.photos')} ${i + 1}`} />
              ))}
            </Space>
          </Image.PreviewGroup>
        </div>
      )}
      {wo && wo.events.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer', margin: '8px 0' }}>{t('wo.steps')}</summary>
          <EventTimeline events={wo.events} />
        </details>
      )}
      {wo ? <ProxyCalls workOrderId={wo.id} items={wo.callRequests} canRecord={wo.abilities.recordCall} /> : null}
      {abilities?.verify && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" loading={step.isPending} onClick={verify}>
            {t('action.verify')}
          </Button>
          <Button danger onClick={() => setRejecting(true)}>
            {t('action.reject')}
          </Button>
        </Space>
      )}
      {rejecting && (
        <FormModal<{ reason: string }>
          title={t('action.reject')}
          loading={step.isPending}
          onCancel={() => setRejecting(false)}
          onSubmit={(v, form) =>
            step.mutate(
              { step: 'reject', body: { version, reason: v.reason.trim() } },
              {
                onSuccess: () => {
                  message.success({ content: t('action.done'), key: 'work-order-step' });
                  setRejecting(false);
                },
                onError: (e) => fail(e, { form, fields: ['reason'], onConflict: () => setRejecting(false) }),
              },
            )
          }
        >
          <Form.Item name="reason" label={t('reject.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('reject.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} autoFocus />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
