import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { Suspense } from 'react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { MenuFlags } from '../../lib/menu';
import { useMe } from '../../lib/session';
import { CLASS_LABELS } from '../../../domain/calls/labels';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { NotFoundPage } from '../../components/not-found-page';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useCallDetail, useCategories } from '../api';
import { CallActions } from '../components/call-actions';
import { EventTimeline } from '../../components/event-timeline';
import { RecentCalls } from '../components/recent-calls';
import { ReplyPanel } from '../components/reply-panel';
import { ClassTag, StatusTag, UrgencyTag } from '../../components/tags';
import { useSlot } from '../../lib/slots';
import type { CallDetail } from '../../../domain/work-orders/call-views.contract';

function Fields({ call }: { call: CallDetail }) {
  const categories = useCategories(call.projectId);
  const menu: MenuFlags | undefined = useMe().data?.menu;
  // The household's contacts are revealed there, audited (ARC-11/12), e.g. when a doer asks the desk to call.
  const household = call.householdId && menu?.register ? <Link to={`/register/households/${call.householdId}`}>{t('call.household')}</Link> : null;
  const category = categories.data?.find((c) => c.id === call.categoryId);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'at', label: t('calls.receivedAt'), children: dayjs(call.receivedAt).format('YYYY-MM-DD HH:mm') },
        { key: 'ch', label: t('calls.channel'), children: t(`channel.${call.channel}`) },
        { key: 'unit', label: t('calls.unit'), children: (
            <Space>
              <span data-testid="call-unit">{call.unitCode ?? (call.unitId ? '' : t('intake.noHousehold'))}</span>
              {household}
            </Space>
          ),
        },
        { key: 'who', label: t('calls.caller'), children: `${call.callerName} ${call.callerPhone ?? ''}` },
        { key: 'cat', label: t('calls.category'), children: category?.label ?? '—' },
        { key: 'urg', label: t('calls.urgency'), children: <UrgencyTag value={call.urgency} /> },
        { key: 'content', label: t('calls.content'), span: 2, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{call.content}</Typography.Text> },
        {
          key: 'class',
          label: t('calls.class'),
          span: 2,
          children: (
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <ClassTag value={call.class} />
                {call.proposedClass !== call.class && (
                  <Typography.Text type="secondary">
                    {t('call.proposedClass')}：{CLASS_LABELS[call.proposedClass]}
                  </Typography.Text>
                )}
              </Space>
              <Typography.Text data-testid="call-class-reason">
                {t('call.classReason')}：{call.classReason}
              </Typography.Text>
              {/* CALL-8: a call recorded as a complaint goes to the complaint procedure (a link; this feature imports no other). */}
              {call.class === 'complaint' && menu?.complaints && (
                <Link to={`/complaints?callId=${call.id}`} data-testid="call-to-complaint">
                  {t('call.toComplaint')}
                </Link>
              )}
              {call.overrideReason && (
                <Typography.Text>
                  {t('call.overrideReason')}：{call.overrideReason}
                </Typography.Text>
              )}
              {category?.scopeNote && <Typography.Text type="secondary">{t('intake.scope')}：{category.scopeNote}</Typography.Text>}
            </Space>
          ),
        },
        { key: 'progress', label: t('calls.progress'), span: 2, children: <span data-testid="call-progress">{call.progress ?? '—'}</span> },
        { key: 'due', label: t('calls.due'), children: <Countdown sla={call.sla} /> },
        { key: 'status', label: t('calls.status'), children: <StatusTag value={call.status} /> },
        ...(call.closeNumber
          ? [
              { key: 'cn', label: t('calls.closeNumber'), children: <Typography.Text strong data-testid="call-close-number">{call.closeNumber}</Typography.Text> },
              { key: 'ca', label: t('call.closedAt'), children: call.closedAt ? dayjs(call.closedAt).format('YYYY-MM-DD HH:mm') : '' },
            ]
          : []),
        ...(call.signature
          ? [{ key: 'sig', label: t('call.signature'), span: 2, children: <img src={call.signature} alt={t('call.signature')} data-testid="call-signature" style={{ maxWidth: 320, maxHeight: 120, border: '1px solid #f0f0f0' }} /> }]
          : []),
      ]}
    />
  );
}

/** 来电来访记录 detail: the record, its class and why, work orders, what happened, replies, and the actions this user may take. */
export function CallDetailPage() {
  const { id } = useParams();
  const detail = useCallDetail(id);
  // The work-orders feature fills this slot (app/app-root.tsx); this page does not import it.
  const WorkOrderCard = useSlot('WorkOrderCard');

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) {
    if (isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const call = detail.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Link to="/calls" aria-label={t('call.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="call-number">
            {t('call.title', { number: call.number })}
          </Typography.Title>
          <StatusTag value={call.status} />
        </Space>
        <CallActions call={call} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Fields call={call} />
            </Card>
            <Card size="small" title={t('call.workOrders')}>
              {call.workOrders.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.noWorkOrders')} />
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  <Suspense fallback={<Skeleton active />}>{WorkOrderCard && call.workOrders.map((w) => <WorkOrderCard key={w.id} summary={w} />)}</Suspense>
                </Space>
              )}
            </Card>
            <ReplyPanel call={call} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('call.timeline')}>
              <EventTimeline events={call.events} testId="call-timeline" />
            </Card>
            {call.householdId && <RecentCalls title={t('call.recent')} items={call.recent} />}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
