import { Button, Empty, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { SIGNOFF_KIND_LABELS } from '../../../domain/archives/departments';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useSignoffs } from '../api';

const cell: React.CSSProperties = { border: '1px solid #333', padding: '6px 8px', fontSize: 13, verticalAlign: 'top' };

/** The household's signed confirmations as a printable form (the menu and header are not printed). */
export function SignoffPrintPage() {
  const { id } = useParams();
  const { current } = useProject();
  const list = useSignoffs(id);
  return (
    <div style={{ padding: 24 }} className="signoff-print">
      <style>{'@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .signoff-print { padding: 0 !important; } }'}</style>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to={list.data ? `/archives?tab=household&unit=${encodeURIComponent(list.data.unitCode)}` : '/archives'}>
          <Button>{t('keys.print.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('keys.print.button')}
        </Button>
      </Space>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            {t('arc.print.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            {current?.name} · {list.data.unitCode}
          </Typography.Paragraph>
          {list.data.items.length === 0 ? (
            <Empty description={t('arc.signoffs.empty')} />
          ) : (
            <table data-testid="signoff-sheet" style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr>
                  {[t('arc.signoffs.kind'), t('arc.signoffs.itemsCol'), t('arc.signoffs.signerRole'), t('arc.signoffs.at'), t('arc.signoffs.by'), t('arc.signoffs')].map((h) => (
                    <th key={h} style={{ ...cell, background: '#fafafa' }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <td style={cell}>{SIGNOFF_KIND_LABELS[s.kind]}</td>
                    <td style={cell}>{s.items.join('；')}</td>
                    <td style={cell}>{s.signerName}</td>
                    <td style={cell}>{new Date(s.at).toLocaleString('zh-CN', { hour12: false })}</td>
                    <td style={cell}>{s.byName}</td>
                    <td style={cell}>
                      <img src={s.signature} alt={t('arc.signoffs')} style={{ height: 40 }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
