import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Input, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../domain/calls/labels';
import { useProject } from '../../lib/project-context';
import { ErrorResult } from '../../components/error-result';
import { Countdown } from '../../components/countdown';
import { t } from '../../i18n/zh-CN';
import { useCallList } from '../api';
import { ClassTag, StatusTag } from '../../components/tags';
import type { CallClass, CallStatus } from '../../../domain/calls/calls.table';
import type { CallListItem } from '../../../domain/calls/call-record.contract';
import type { ClassCounts } from '../../../domain/calls/ledger.contract';

const CLASSES = Object.keys(CLASS_LABELS) as CallClass[];
const STATUSES = Object.keys(CALL_STATUS_LABELS) as CallStatus[];
const PAGE_SIZE = 20;

const columns: TableColumnsType<CallListItem> = [
  // The number stays on the left, the deadline, close-out number and recorder on the right, whatever the width.
  { title: t('calls.number'), dataIndex: 'number', width: 150, fixed: 'left', render: (n: string, c) => <Link to={`/calls/${c.id}`}>{n}</Link> },
  { title: t('calls.receivedAt'), dataIndex: 'receivedAt', width: 110, render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
  { title: t('calls.channel'), dataIndex: 'channel', width: 60, render: (v: CallListItem['channel']) => t(`channel.${v}`) },
  { title: t('calls.unit'), dataIndex: 'unitCode', width: 100, render: (v: string | null) => v ?? '—' },
  { title: t('calls.caller'), dataIndex: 'callerName', width: 90 },
  { title: t('calls.content'), dataIndex: 'content', ellipsis: true, width: 240 },
  { title: t('calls.class'), dataIndex: 'class', width: 100, render: (v: CallClass) => <ClassTag value={v} /> },
  {
    title: t('calls.status'),
    dataIndex: 'status',
    width: 110,
    // A record whose job is finished waits for the desk's verification: say so instead of 处理中.
    render: (v: CallStatus, c) =>
      c.awaitingVerification ? (
        <Tag color="gold" data-testid="status-tag">
          {t('calls.awaitingVerification')}
        </Tag>
      ) : (
        <StatusTag value={v} />
      ),
  },
  { title: t('calls.progress'), dataIndex: 'progress', ellipsis: true, width: 180, render: (v: string | null) => v ?? '' },
  {
    title: t('calls.due'),
    dataIndex: 'dueAt',
    width: 140,
    fixed: 'right',
    render: (_v: string | null, c) => <Countdown sla={c.sla} />,
  },
  { title: t('calls.closeNumber'), dataIndex: 'closeNumber', width: 150, fixed: 'right', render: (v: string | null) => v ?? '' },
  { title: t('calls.recordedBy'), dataIndex: 'recordedByName', width: 80, fixed: 'right' },
];

function SubtotalBar({ s }: { s: ClassCounts | undefined }) {
  if (!s) return null;
  return (
    <Space size={4} wrap data-testid="call-subtotals">
      <Typography.Text type="secondary">{t('calls.subtotals')}：</Typography.Text>
      {CLASSES.map((c) => (
        <Tag key={c}>
          {CLASS_LABELS[c]} {s[c] ?? 0}
        </Tag>
      ))}
      <Tag color="blue">
        {t('calls.total')} {s.capped ? t('calls.totalCapped') : s.total}
      </Tag>
    </Space>
  );
}

/**
 * 来电来访记录 with filters and the class subtotals (CALL-10). Filters live in the URL; the free-text
 * search does not, as it may be a phone number (ARC-12).
 */
export function CallsPage() {
  const { current } = useProject();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const set = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
      else next.delete(k);
      if (!('p' in changes)) next.delete('p');
      return next;
    });

  const from = params.get('from');
  const to = params.get('to');
  const page = Number(params.get('p') ?? 1) || 1;
  const query = {
    projectId: current?.id ?? '',
    status: (params.get('status') as CallStatus | null) ?? undefined,
    class: (params.get('class') as CallClass | null) ?? undefined,
    open: params.get('open') === '1' ? true : undefined,
    overdue: params.get('overdue') === '1' ? true : undefined,
    districtId: params.get('districtId') ?? undefined,
    from: from ? dayjs(from).startOf('day').toISOString() : undefined,
    to: to ? dayjs(to).endOf('day').toISOString() : undefined,
    q: q || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useCallList(query, Boolean(current));

  if (!current) return <Empty description={t('register.noProject')} />;
  if (list.isError && !list.data) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;

  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;
  return (
    <Card
      title={t('calls.title')}
      extra={
        <Link to="/calls/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('calls.new')}
          </Button>
        </Link>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('calls.search')} aria-label={t('calls.search')} style={{ width: 320 }} onSearch={(v) => setQ(v.trim())} />
        <Select<CallStatus>
          allowClear
          aria-label={t('calls.status')}
          placeholder={t('calls.status')}
          style={{ width: 140 }}
          value={query.status}
          onChange={(v) => set({ status: v ?? null })}
          options={STATUSES.map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }))}
        />
        <Select<CallClass>
          allowClear
          aria-label={t('calls.class')}
          placeholder={t('calls.class')}
          style={{ width: 130 }}
          value={query.class}
          onChange={(v) => set({ class: v ?? null })}
          options={CLASSES.map((c) => ({ value: c, label: CLASS_LABELS[c] }))}
        />
        <DatePicker.RangePicker
          aria-label={t('calls.range')}
          value={range}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
        />
        <Space size={4}>
          <Switch size="small" checked={query.open === true} onChange={(on) => set({ open: on ? '1' : null })} aria-label={t('calls.openOnly')} />
          <Typography.Text>{t('calls.openOnly')}</Typography.Text>
        </Space>
      </Space>
      <div style={{ marginBottom: 8 }}>
        <SubtotalBar s={list.data?.subtotals} />
      </div>
      <Table<CallListItem>
        rowKey="id"
        size="small"
        data-testid="call-table"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1520 }}
        locale={{ emptyText: t('calls.none') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('calls.totalN', { n }),
          onChange: (p) => set({ p: p > 1 ? String(p) : null }),
        }}
      />
    </Card>
  );
}
