import { ProxyCalls } from '../components/proxy-calls';
import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Image, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CLASS_LABELS } from '../../../domain/calls/labels';
import { NotFoundPage } from '../../components/not-found-page';
import { EventTimeline } from '../../components/event-timeline';
import { UrgencyTag, WorkOrderStatusTag } from '../../components/tags';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useWorkOrder, useWorkOrderStep } from '../api';
import type { StepBody, WorkOrderStep } from '../../../domain/work-orders/work-orders.contract';
import { CompleteForm } from '../components/complete-form';
import { RequestCallButton } from '../components/request-call-button';

const big = { height: 56, fontSize: 18 };

/**
 * One work order on the doer's phone: 接单 → 到场 → 完工 with result, materials and photos. The
 * household's phone stays masked; the front desk calls them on the doer's behalf (ARC-11).
 */
export function TaskDetailPage() {
  const { id } = useParams();
  const detail = useWorkOrder(id);
  const step = useWorkOrderStep(id ?? '');
  const { message } = App.useApp();

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const wo = detail.data;
  const act = wo.abilities.act;

  const run = (s: WorkOrderStep, extra: Omit<StepBody, 'version'> = {}, onFieldError?: (field: string, msg: string) => void) =>
    step.mutate(
      { step: s, body: { version: wo.version, ...extra } },
      {
        onSuccess: () => message.success({ content: t('action.done'), key: 'work-order-step' }),
        onError: (e) => {
          if (isApiError(e) && e.status === 409) message.error(t('call.conflict'));
          else if (isApiError(e) && e.fields.length && onFieldError) for (const f of e.fields) onFieldError(f.path.replace(/^body\./, ''), f.message);
          else message.error(isApiError(e) ? e.message : t('error.unknown'));
        },
      },
    );

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Link to="/tasks" style={{ display: 'inline-block', padding: '8px 0', fontSize: 16 }}>
        <ArrowLeftOutlined /> {t('tasks.back')}
      </Link>
      <Card size="small" styles={{ body: { padding: 14 } }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="task-unit">
            {wo.unitCode ?? '—'}
          </Typography.Title>
          <Space size={4} wrap>
            {wo.kind !== 'normal' && <Tag color="purple">{CLASS_LABELS[wo.kind]}</Tag>}
            <UrgencyTag value={wo.urgency} />
            <WorkOrderStatusTag value={wo.status} />
          </Space>
        </Space>
        <Typography.Paragraph style={{ fontSize: 17, margin: '8px 0' }}>{wo.content}</Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'n', label: t('calls.number'), children: wo.number },
            { key: 'd', label: t('tasks.due'), children: <Countdown sla={wo.sla} strong /> },
            { key: 'c', label: t('tasks.caller'), children: `${wo.callerName} ${wo.callerPhone ?? ''}` },
            ...(wo.classReason ? [{ key: 'r', label: t('tasks.classReason'), children: wo.classReason }] : []),
            ...(wo.result ? [{ key: 'res', label: t('wo.result'), children: wo.result }] : []),
          ]}
        />
        <Alert type="info" showIcon icon={<PhoneOutlined />} title={t('tasks.contactNote')} style={{ marginTop: 8 }} />
      </Card>

      {act && (
        <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
          {wo.status === 'assigned' && (
            <Button type="primary" block style={big} loading={step.isPending} onClick={() => run('accept')}>
              {t('tasks.accept')}
            </Button>
          )}
          {(wo.status === 'assigned' || wo.status === 'accepted') && (
            <Button type={wo.status === 'accepted' ? 'primary' : 'default'} block style={big} loading={step.isPending} onClick={() => run('arrive')}>
              {t('tasks.arrive')}
            </Button>
          )}
          {wo.status === 'on_site' && (
            <Card size="small" title={t('tasks.complete')}>
              <CompleteForm
                loading={step.isPending}
                onSubmit={(v, setFieldError) =>
                  run('complete', { result: v.result.trim(), materials: v.materials?.trim() || undefined, photos: v.photos?.length ? v.photos : undefined }, setFieldError)
                }
              />
            </Card>
          )}
        </Space>
      )}
      {wo.abilities.requestCall && (
        <div style={{ marginTop: 12 }}>
          <RequestCallButton workOrderId={wo.id} />
        </div>
      )}
      <ProxyCalls workOrderId={wo.id} items={wo.callRequests} canRecord={wo.abilities.recordCall} />
      {wo.status === 'done' && <Alert type="success" showIcon title={t('tasks.doneNote')} style={{ marginTop: 12 }} data-testid="task-done" />}
      {/* The photos stay with the job after 完工: the doer (and the lead) still see what was sent. */}
      {wo.photos.length > 0 && (
        <Card size="small" title={t('wo.photos')} style={{ marginTop: 12 }} data-testid="task-photos">
          <Image.PreviewGroup>
            <Space wrap>
              {wo.photos.map((src, i) => (
                <Image key={src} src={src} alt={`${t('wo.photos')} ${i + 1}`} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} />
              ))}
            </Space>
          </Image.PreviewGroup>
        </Card>
      )}

      <Card size="small" title={t('wo.steps')} style={{ marginTop: 12 }}>
        <EventTimeline events={wo.events} />
      </Card>
    </div>
  );
}
