import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense } from 'react';
import { Link } from 'react-router';
import { BRANCH_LABELS } from '../../../domain/help/labels';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useSlot } from '../../lib/slots';
import { useMe } from '../../lib/session';
import type { MenuFlags } from '../../lib/menu';
import { useMySteps } from '../api';
import { StepActions, StepMeta } from '../components/step-list';
import { HandoverCard } from '../components/handover-card';

/** 应急任务: a guard's (or engineer's) open playbook steps, newest incident first; made for a phone. */
export function DutyPage() {
  const { current } = useProject();
  const list = useMySteps(current?.id);
  const KeyDeskCard = useSlot('KeyDeskCard');
  const menu: MenuFlags | undefined = useMe().data?.menu;
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('duty.title')} <Tag color={items.length ? 'red' : 'default'}>{items.length}</Tag>
        </Typography.Title>
        <Button size="large" icon={<ReloadOutlined />} aria-label={t('error.retry')} loading={list.isFetching} onClick={() => void list.refetch()} />
      </Space>
      {items.length === 0 && <Empty description={t('duty.none')} />}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((s) => (
          <Card key={s.id} size="small" styles={{ body: { padding: 14 } }} data-testid="duty-step" data-status={s.status} style={{ borderColor: s.status === 'pending' ? '#ff4d4f' : undefined }}>
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {s.playbookName}
                  {s.branch ? `（${BRANCH_LABELS[s.branch] ?? s.branch}）` : ''}
                </Typography.Text>
                <Typography.Text type="secondary">{s.requestNumber}</Typography.Text>
              </Space>
              <Typography.Text style={{ fontSize: 20 }} strong>
                {t('duty.where')}：{s.patientAddress ?? s.unitCode ?? '—'}
              </Typography.Text>
              <Typography.Paragraph style={{ fontSize: 17, margin: 0 }}>{s.title}</Typography.Paragraph>
              {s.instruction && <Typography.Text type="secondary">{s.instruction}</Typography.Text>}
              <Typography.Text type="secondary">
                {t('duty.need')}：{s.need}
              </Typography.Text>
              <StepMeta step={s} large />
              {s.incidentStartedAt && <Typography.Text type="secondary">{t('duty.started', { at: dayjs(s.incidentStartedAt).format('HH:mm:ss') })}</Typography.Text>}
              <StepActions step={s} large />
              <Link to={`/help/${s.helpRequestId}`}>{t('duty.open')}</Link>
            </Space>
          </Card>
        ))}
        {current && <HandoverCard projectId={current.id} />}
        {current && KeyDeskCard && menu?.keys && (
          <Suspense fallback={null}>
            <KeyDeskCard projectId={current.id} />
          </Suspense>
        )}
      </Space>
    </div>
  );
}
