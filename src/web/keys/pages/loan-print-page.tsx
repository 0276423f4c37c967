import { Button, DatePicker, Empty, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { BORROWER_KIND_LABELS } from '../../../domain/keys/labels';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useLoans } from '../api';

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');
const cell: React.CSSProperties = { border: '1px solid #333', padding: '4px 6px', fontSize: 12, verticalAlign: 'top' };

/** 《钥匙出借记录表》 for a period, laid out to print on A4 landscape (the menu and header are not printed). */
export function LoanPrintPage() {
  const { current } = useProject();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const loans = useLoans(current?.id, false, from, to);
  const rows = [...(loans.data ?? [])].sort((a, b) => a.lentAt.localeCompare(b.lentAt));
  return (
    <div style={{ padding: 24 }} className="key-print">
      <style>{'@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .key-print { padding: 0 !important; } @page { size: A4 landscape; margin: 12mm; } }'}</style>
      <Space className="no-print" wrap style={{ marginBottom: 16 }}>
        <Link to="/keys">
          <Button>{t('keys.print.back')}</Button>
        </Link>
        <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} aria-label={t('keys.print.period')} />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('keys.print.button')}
        </Button>
      </Space>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {t('keys.print.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {current?.name} · {from} ～ {to}
      </Typography.Paragraph>
      {loans.isPending ? (
        <PageLoading />
      ) : loans.isError ? (
        <ErrorResult error={loans.error} onRetry={() => void loans.refetch()} />
      ) : rows.length === 0 ? (
        <Empty description={t('keys.logEmpty')} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="key-loan-sheet" style={{ borderCollapse: 'collapse', width: '100%', minWidth: 900 }}>
            <thead>
              <tr>
                {(['number', 'unit', 'borrower', 'identity', 'purpose', 'approver', 'ownerContact', 'lentAt', 'dueAt', 'returnedAt', 'returned', 'lentBy', 'signature'] as const).map((c) => (
                  <th key={c} style={{ ...cell, background: '#fafafa' }}>
                    {t(`keys.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <td style={cell}>{l.keyNumber}</td>
                  <td style={cell}>{l.unitCode ?? ''}</td>
                  <td style={cell}>
                    {l.borrowerName}
                    <br />
                    {BORROWER_KIND_LABELS[l.borrowerKind]}
                    {l.authorisation ? `：${l.authorisation}` : ''}
                  </td>
                  <td style={cell}>{l.identityDocument}</td>
                  <td style={cell}>{l.purpose}</td>
                  <td style={cell}>{l.approverName}</td>
                  <td style={cell}>{l.ownerContacted ? `${t('common.yes')}（${l.contactMethod ?? ''}）` : t('common.no')}</td>
                  <td style={cell}>{fmt(l.lentAt)}</td>
                  <td style={cell}>{fmt(l.dueAt)}</td>
                  <td style={cell}>{fmt(l.returnedAt)}</td>
                  <td style={cell}>{l.returnedAt ? `${l.returnedByName ?? ''} / ${l.receivedByName ?? ''}` : ''}</td>
                  <td style={cell}>{l.lentByName}</td>
                  <td style={cell}>
                    <img src={l.signature} alt={t('keys.col.signature')} style={{ height: 32 }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
