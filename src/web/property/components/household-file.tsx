import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { acceptanceLabels, historyFieldLabels, relationLabels, t, vehicleKindLabels, type MessageKey } from '../../i18n/zh-CN';
import { ErrorResult } from '../../components/error-result';
import dayjs from 'dayjs';
import { useHouseholdHistory, type HistoryItem, type Household, type Renovation, type Vehicle } from '../api';

const VehicleFormModal = lazy(async () => ({ default: (await import('./register-forms')).VehicleFormModal }));
const RenovationFormModal = lazy(async () => ({ default: (await import('./register-forms')).RenovationFormModal }));

/** 车辆: plates, kinds and parking spaces of the household; a removed vehicle stays listed with its date. */
export function VehicleTable({ household }: { household: Household }) {
  const [editing, setEditing] = useState<Vehicle | 'new' | null>(null);
  const canEdit = household.abilities.update;
  const columns: TableColumnsType<Vehicle> = [
    {
      title: t('vehicle.plate'),
      dataIndex: 'plate',
      render: (plate: string, v) => (
        <Space size={4}>
          <Typography.Text strong delete={Boolean(v.removedOn)}>
            {plate}
          </Typography.Text>
          {v.removedOn && <Tag>{t('vehicle.removedTag', { date: v.removedOn })}</Tag>}
        </Space>
      ),
    },
    { title: t('vehicle.kind'), dataIndex: 'kind', render: (k: Vehicle['kind']) => vehicleKindLabels[k] ?? k },
    { title: t('vehicle.parkingSpace'), dataIndex: 'parkingSpace', render: (s: string | null) => s || '—' },
  ];
  if (canEdit)
    columns.push({
      title: t('person.actions'),
      key: 'actions',
      width: 80,
      render: (_, v) => (
        <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('vehicle.editAria', { plate: v.plate })} onClick={() => setEditing(v)}>
          {t('person.edit')}
        </Button>
      ),
    });
  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} size="small" style={{ marginBottom: 8 }} onClick={() => setEditing('new')}>
          {t('vehicle.add')}
        </Button>
      )}
      <Table<Vehicle>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={household.vehicles}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('vehicle.empty')} /> }}
        data-testid="vehicle-table"
      />
      {editing && (
        <Suspense fallback={null}>
          <VehicleFormModal householdId={household.id} vehicle={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}

/** 装修记录: period, company, permit and approval, acceptance. */
export function RenovationTable({ household }: { household: Household }) {
  const [editing, setEditing] = useState<Renovation | 'new' | null>(null);
  const canEdit = household.abilities.update;
  const columns: TableColumnsType<Renovation> = [
    { title: t('renovation.company'), dataIndex: 'company' },
    { title: t('renovation.period'), key: 'period', render: (_, r) => `${r.startedOn} ～ ${r.finishedOn ?? '—'}` },
    { title: t('renovation.permitNo'), key: 'permit', render: (_, r) => (r.permitNo ? `${r.permitNo}${r.approvedOn ? `（${r.approvedOn}）` : ''}` : '—') },
    {
      title: t('renovation.acceptance'),
      key: 'acceptance',
      render: (_, r) =>
        r.acceptance ? (
          <Tag color={r.acceptance === 'passed' ? 'green' : 'red'}>
            {acceptanceLabels[r.acceptance]} {r.acceptedOn}
          </Tag>
        ) : (
          <Tag>{t('renovation.pending')}</Tag>
        ),
    },
  ];
  if (canEdit)
    columns.push({
      title: t('person.actions'),
      key: 'actions',
      width: 80,
      render: (_, r) => (
        <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('renovation.editAria', { company: r.company })} onClick={() => setEditing(r)}>
          {t('person.edit')}
        </Button>
      ),
    });
  return (
    <>
      {canEdit && (
        <Button icon={<PlusOutlined />} size="small" style={{ marginBottom: 8 }} onClick={() => setEditing('new')}>
          {t('renovation.add')}
        </Button>
      )}
      <Table<Renovation>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={household.renovations}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('renovation.empty')} /> }}
        data-testid="renovation-table"
      />
      {editing && (
        <Suspense fallback={null}>
          <RenovationFormModal householdId={household.id} renovation={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
        </Suspense>
      )}
    </>
  );
}

/** A stored value as people read it: enum codes become their labels, empty becomes （空）. */
function valueText(field: string | null, value: string | null): string {
  if (value === null) return t('history.emptyValue');
  if (field === 'relation') return relationLabels[value as keyof typeof relationLabels] ?? value;
  if (field === 'kind') return vehicleKindLabels[value as keyof typeof vehicleKindLabels] ?? value;
  if (field === 'acceptance') return acceptanceLabels[value as keyof typeof acceptanceLabels] ?? value;
  return value;
}

/** 变更记录: every change of the register, newest first; numbers were masked when they were stored. */
export function HistoryTable({ householdId }: { householdId: string }) {
  const history = useHouseholdHistory(householdId);
  const screens = Grid.useBreakpoint();
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  const change = (e: HistoryItem) => (
    <span data-testid="history-change">
      {t(`history.action.${e.action}` as MessageKey)}
      {e.field && (
        <>
          {' · '}
          {historyFieldLabels[e.field] ?? e.field}
          {'：'}
          {e.action === 'create' ? valueText(e.field, e.newValue) : `${valueText(e.field, e.oldValue)} → ${valueText(e.field, e.newValue)}`}
        </>
      )}
    </span>
  );
  // On a phone: one column, the change first and who/when under it.
  const narrow: TableColumnsType<HistoryItem> = [
    {
      title: t('history.change'),
      key: 'all',
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <Tag>{t(`history.subject.${e.subject}` as MessageKey)}</Tag>
            {e.subjectLabel}
          </Space>
          {change(e)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(e.at).format('YYYY-MM-DD HH:mm')} · {e.actorName}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  const columns: TableColumnsType<HistoryItem> = [
    { title: t('history.at'), dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    { title: t('history.actor'), dataIndex: 'actorName', width: 90 },
    {
      title: t('history.subject'),
      key: 'subject',
      width: 140,
      render: (_, e) => (
        <Space size={4} wrap>
          <Tag>{t(`history.subject.${e.subject}` as MessageKey)}</Tag>
          {e.subjectLabel}
        </Space>
      ),
    },
    { title: t('history.change'), key: 'change', render: (_, e) => change(e) },
  ];
  return (
    <>
      <Alert type="info" showIcon title={t('history.maskedHint')} style={{ marginBottom: 8 }} />
      <Table<HistoryItem>
        rowKey="id"
        size="small"
        loading={history.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        columns={screens.md === false ? narrow : columns}
        dataSource={history.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} /> }}
        data-testid="history-table"
      />
    </>
  );
}
