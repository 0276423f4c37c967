import { Button, Grid, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { KeyView, LoanView } from '../../../domain/keys/keys.contract';
import { KEY_KIND_LABELS, KEY_STATUS_LABELS } from '../../../domain/keys/labels';
import { ErrorResult } from '../../components/error-result';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useKeys, useLoans } from '../api';
import { HandoverModal } from '../components/handover-modal';
import { KeyFormModal } from '../components/key-form-modal';
import { LendModal } from '../components/lend-modal';
import { LoanTable } from '../components/loan-table';
import { ReturnModal } from '../components/return-modal';

const STATUS_COLORS: Record<KeyView['status'], string> = { in: 'green', out: 'orange', handed_over: 'default' };

/** 钥匙管理: the cabinet's inventory, the keys out now (overdue first) and the lending record. */
export function KeysPage() {
  const { current } = useProject();
  const projectId = current?.id;
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'lend' | 'handover'; key: KeyView } | { kind: 'return'; loan: LoanView } | null>(null);
  const narrow = Grid.useBreakpoint().md === false;
  const tab = params.get('tab') ?? (params.get('loan') ? 'out' : 'inventory');
  const keys = useKeys(projectId, q);
  const out = useLoans(projectId, true);
  const log = useLoans(projectId, false);
  const outSorted = [...(out.data ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  const overdueCount = outSorted.filter((l) => l.overdue).length;

  const inventory = keys.isError ? (
    <ErrorResult error={keys.error} onRetry={() => void keys.refetch()} />
  ) : (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('keys.search')} aria-label={t('keys.search')} onSearch={setQ} style={{ width: narrow ? 220 : 280 }} />
        {keys.data?.canCreate && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('keys.add')}
          </Button>
        )}
      </Space>
      <Table<KeyView>
        rowKey="id"
        size="small"
        loading={keys.isPending}
        dataSource={keys.data?.items ?? []}
        locale={{ emptyText: t('keys.empty') }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        onRow={(k) => ({ 'data-testid': `key-${k.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('keys.col.number'), dataIndex: 'number', render: (n: string, k) => <Space direction="vertical" size={0}><Typography.Text strong>{n}</Typography.Text>{narrow && <Typography.Text type="secondary">{k.unitCode ?? k.label}</Typography.Text>}</Space> },
          ...(narrow
            ? []
            : [
                { title: t('keys.col.unit'), key: 'unit', render: (_: unknown, k: KeyView) => k.unitCode ?? '—' },
                { title: t('keys.col.kind'), key: 'kind', render: (_: unknown, k: KeyView) => KEY_KIND_LABELS[k.kind] },
                { title: t('keys.col.label'), key: 'label', render: (_: unknown, k: KeyView) => k.label ?? '—' },
                { title: t('keys.col.count'), dataIndex: 'count' },
              ]),
          { title: t('keys.col.position'), dataIndex: 'cabinetPosition' },
          { title: t('keys.col.status'), key: 'status', render: (_, k) => <Tag color={STATUS_COLORS[k.status]}>{KEY_STATUS_LABELS[k.status]}</Tag> },
          {
            title: t('keys.col.actions'),
            key: 'actions',
            render: (_, k) => (
              <Space wrap size={4}>
                {k.abilities.lend && (
                  <Button size="small" type="primary" onClick={() => setDialog({ kind: 'lend', key: k })}>
                    {t('keys.lend')}
                  </Button>
                )}
                {k.abilities.handover && (
                  <Button size="small" onClick={() => setDialog({ kind: 'handover', key: k })}>
                    {t('keys.handover')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );

  return (
    <div style={{ padding: narrow ? 12 : 24 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('keys.title')}
        </Typography.Title>
        <Link to="/keys/print">
          <Button icon={<PrinterOutlined />}>{narrow ? t('keys.print.button') : t('keys.print')}</Button>
        </Link>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'inventory', label: t('keys.tab.inventory'), children: inventory },
          {
            key: 'out',
            label: (
              <span data-testid="tab-out">
                {t('keys.tab.out')} {overdueCount > 0 && <Tag color="red">{overdueCount}</Tag>}
              </span>
            ),
            children: out.isError ? (
              <ErrorResult error={out.error} onRetry={() => void out.refetch()} />
            ) : (
              <LoanTable loans={outSorted} loading={out.isPending} empty={t('keys.outEmpty')} onReturn={(l) => setDialog({ kind: 'return', loan: l })} highlight={params.get('loan')} />
            ),
          },
          {
            key: 'log',
            label: t('keys.tab.log'),
            children: log.isError ? <ErrorResult error={log.error} onRetry={() => void log.refetch()} /> : <LoanTable loans={log.data ?? []} loading={log.isPending} empty={t('keys.logEmpty')} />,
          },
        ]}
      />
      {dialog?.kind === 'add' && projectId && <KeyFormModal projectId={projectId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'lend' && <LendModal keyRow={dialog.key} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'handover' && <HandoverModal keyRow={dialog.key} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'return' && <ReturnModal loan={dialog.loan} onClose={() => setDialog(null)} />}
    </div>
  );
}
