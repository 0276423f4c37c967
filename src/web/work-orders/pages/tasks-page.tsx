import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useMe } from '../../lib/session';
import { useProject } from '../../lib/project-context';
import { TeamBoard } from '../components/team-board';
import { Link } from 'react-router';
import { CLASS_LABELS } from '../../../domain/calls/labels';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { UrgencyTag, WorkOrderStatusTag } from '../../components/tags';
import { useMyWorkOrders } from '../api';
import type { WorkOrderItem } from '../../../domain/work-orders/work-orders.contract';

const byDue = (a: WorkOrderItem, b: WorkOrderItem) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9');

/** 我的任务: the technician's, engineer's or vendor's open work orders, soonest deadline first; made for a phone. */
export function TasksPage() {
  const me = useMe();
  const { current } = useProject();
  const lead = Boolean(me.data?.roles.includes('eng_lead') && current);
  const [view, setView] = useState<'team' | 'mine'>('team');
  if (lead && view === 'team') {
    return (
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <LeadSwitch value={view} onChange={setView} />
        <TeamBoard projectId={current!.id} />
      </div>
    );
  }
  return <MyTasks switcher={lead ? <LeadSwitch value={view} onChange={setView} /> : null} />;
}

function LeadSwitch({ value, onChange }: { value: 'team' | 'mine'; onChange: (v: 'team' | 'mine') => void }) {
  return (
    <Segmented
      block
      size="large"
      style={{ marginBottom: 12 }}
      value={value}
      onChange={(v) => onChange(v as 'team' | 'mine')}
      options={[
        { value: 'team', label: t('team.tab') },
        { value: 'mine', label: t('team.mine') },
      ]}
    />
  );
}

function MyTasks({ switcher }: { switcher: ReactNode }) {
  const list = useMyWorkOrders();
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const items = [...list.data].sort(byDue);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      {switcher}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('tasks.title')} <Tag>{items.length}</Tag>
        </Typography.Title>
        <Button size="large" icon={<ReloadOutlined />} aria-label={t('error.retry')} loading={list.isFetching} onClick={() => void list.refetch()} />
      </Space>
      {items.length === 0 && <Empty description={t('tasks.none')} />}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((w) => (
          <Link key={w.id} to={`/tasks/${w.id}`} style={{ display: 'block', color: 'inherit' }} data-testid="task-card">
            <Card size="small" hoverable styles={{ body: { padding: 14 } }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
                <Typography.Text strong style={{ fontSize: 20 }}>
                  {w.unitCode ?? '—'}
                </Typography.Text>
                <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
                  {w.kind !== 'normal' && <Tag color="purple">{CLASS_LABELS[w.kind]}</Tag>}
                  <UrgencyTag value={w.urgency} />
                  <WorkOrderStatusTag value={w.status} />
                </Space>
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ fontSize: 16, margin: '6px 0' }}>
                {w.content}
              </Typography.Paragraph>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text type="secondary">{w.number}</Typography.Text>
                <Countdown sla={w.sla} strong />
              </Space>
            </Card>
          </Link>
        ))}
      </Space>
    </div>
  );
}
