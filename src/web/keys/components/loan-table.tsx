import { Button, Grid, Space, Table, Tag, Typography } from 'antd';
import type { LoanView } from '../../../domain/keys/keys.contract';
import { BORROWER_KIND_LABELS } from '../../../domain/keys/labels';
import { t } from '../../i18n/zh-CN';

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—');

export function DueTag({ loan }: { loan: LoanView }) {
  if (loan.state === 'overdue') return <Tag color="red" data-testid="loan-overdue">{t('keys.overdue')}</Tag>;
  if (loan.state === 'warning') return <Tag color="orange">{t('keys.dueSoon')}</Tag>;
  return null;
}

/** The lendings: out now (with the return action) or the whole record. */
export function LoanTable({ loans, loading, empty, onReturn, highlight }: { loans: LoanView[]; loading: boolean; empty: string; onReturn?: (l: LoanView) => void; highlight?: string | null }) {
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Table<LoanView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={loans}
      locale={{ emptyText: empty }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: narrow ? undefined : 900 }}
      rowClassName={(l) => (l.id === highlight ? 'ant-table-row-selected' : '')}
      onRow={(l) => ({ 'data-testid': `loan-${l.keyNumber}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('keys.col.number'),
          key: 'key',
          render: (_, l) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{l.keyNumber}</Typography.Text>
              {l.unitCode && <Typography.Text type="secondary">{l.unitCode}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('keys.col.borrower'),
          key: 'borrower',
          render: (_, l) => (
            <Space direction="vertical" size={0}>
              <span>{l.borrowerName}</span>
              <Typography.Text type="secondary">{BORROWER_KIND_LABELS[l.borrowerKind]}</Typography.Text>
            </Space>
          ),
        },
        ...(narrow ? [] : [{ title: t('keys.col.purpose'), dataIndex: 'purpose' }, { title: t('keys.col.lentAt'), key: 'lentAt', render: (_: unknown, l: LoanView) => fmt(l.lentAt) }]),
        {
          title: t('keys.col.dueAt'),
          key: 'due',
          render: (_, l) => (
            <Space direction="vertical" size={0}>
              <span>{fmt(l.dueAt)}</span>
              <DueTag loan={l} />
              {l.chaseCount > 0 && !l.returnedAt && <Typography.Text type="danger">{t('keys.chased', { n: l.chaseCount })}</Typography.Text>}
            </Space>
          ),
        },
        ...(narrow ? [] : [{ title: t('keys.col.approver'), dataIndex: 'approverName' }, { title: t('keys.col.returnedAt'), key: 'ret', render: (_: unknown, l: LoanView) => (l.returnedAt ? `${fmt(l.returnedAt)} ${l.returnedByName ?? ''}` : '—') }]),
        ...(onReturn
          ? [
              {
                title: t('keys.col.actions'),
                key: 'actions',
                render: (_: unknown, l: LoanView) => (
                  <Button size="small" type="primary" onClick={() => onReturn(l)}>
                    {t('keys.return')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
