import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Grid, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useMe } from '../../lib/session';
import { DEPARTMENT_LABELS } from '../../../domain/shared/departments';
import type { Complaint } from '../../../domain/complaints/complaints.contract';
import { useComplaints } from '../api';
import { ComplaintStatusTag, LevelTag } from '../components/complaint-tags';
import { RecordComplaintModal } from '../components/record-complaint-modal';
import { MonthAnalysis } from '../components/month-analysis';

const ANALYSTS = new Set(['cs_assistant', 'cs_supervisor', 'centre_manager']);
const RECORDERS = new Set(['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager', 'cs_supervisor', 'centre_manager']);

/** 投诉处理: the project's complaints (a department head sees his department's), newest first; record one here. */
export function ComplaintsPage() {
  const { current } = useProject();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(true);
  const [adding, setAdding] = useState(params.has('callId'));
  const list = useComplaints(current?.id, open);
  const narrow = Grid.useBreakpoint().md === false;
  const canRecord = me.data?.roles.some((r) => RECORDERS.has(r)) ?? false;
  const canAnalyse = me.data?.roles.some((r) => ANALYSTS.has(r)) ?? false;
  const callId = params.get('callId') ?? undefined;

  const columns = [
    { key: 'number', title: t('complaints.number'), render: (_: unknown, c: Complaint) => <Link to={`/complaints/${c.id}`}>{c.number}</Link> },
    { key: 'at', title: t('complaints.createdAt'), render: (_: unknown, c: Complaint) => dayjs(c.createdAt).format('MM-DD HH:mm'), responsive: ['md' as const] },
    { key: 'who', title: t('complaints.complainant'), dataIndex: 'complainantName', responsive: ['sm' as const] },
    { key: 'dep', title: t('complaints.department'), render: (_: unknown, c: Complaint) => DEPARTMENT_LABELS[c.department] },
    { key: 'content', title: t('complaints.content'), dataIndex: 'content', ellipsis: true, responsive: ['md' as const] },
    { key: 'level', title: t('complaints.level'), render: (_: unknown, c: Complaint) => <LevelTag value={c.level} /> },
    { key: 'status', title: t('complaints.status'), render: (_: unknown, c: Complaint) => <ComplaintStatusTag value={c.status} /> },
    { key: 'sla', title: t('complaints.deadline'), render: (_: unknown, c: Complaint) => <Countdown sla={c.sla} />, responsive: ['lg' as const] },
  ];

  return (
    <div>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('complaints.title')}
        </Typography.Title>
        <Space wrap>
          <Space size={4}>
            <Switch checked={open} onChange={setOpen} aria-label={t('complaints.onlyOpen')} />
            <Typography.Text>{t('complaints.onlyOpen')}</Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} aria-label={t('error.retry')} loading={list.isFetching} onClick={() => void list.refetch()} />
          {canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="complaint-new">
              {t('complaints.new')}
            </Button>
          )}
        </Space>
      </Space>
      {canAnalyse && current && <MonthAnalysis projectId={current.id} />}
      {list.isPending && current ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Complaint>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('complaints.none')} /> }}
          onRow={(c) => ({ onClick: () => void navigate(`/complaints/${c.id}`), style: { cursor: 'pointer' } })}
        />
      )}
      {adding && current && (
        <RecordComplaintModal
          projectId={current.id}
          callId={callId}
          onClose={() => {
            setAdding(false);
            if (callId) setParams({});
          }}
          onDone={(c) => {
            setAdding(false);
            void navigate(`/complaints/${c.id}`);
          }}
        />
      )}
    </div>
  );
}
