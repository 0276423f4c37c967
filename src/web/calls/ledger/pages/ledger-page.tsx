import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useProject } from '../../../lib/project-context';
import { ErrorResult } from '../../../components/error-result';
import { downloadFile, ledgerXlsxUrl, useLedger } from '../api';
import type { LedgerQuery } from '../../../../domain/calls/ledger.contract';
import { LedgerSheet } from '../components/ledger-sheet';
import { ReportFilters } from '../components/report-filters';
import '../components/ledger-print.css';
import { dayRangeToIso, fmtDate, thisMonth } from '../format';
import { rt } from '../messages';
import { useFilterParams } from '../use-filter-params';

const ROW_CHOICES = [5, 10, 15, 20, 25, 30, 40, 50, 100];
/**
 * Pages fetched and rendered at once: about what a screen shows while scrolling (the server allows up to 200
 * per request; the Excel export asks for those). 50 pages were 1,000 rows a request: 1 s and more at 1M records.
 */
const SEGMENT = 5;

const clampRows = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 5 && n <= 100 ? n : 20;
};

/** 《来电来访记录》 as printed: pages cut by the server, each with its 本页小计 (CALL-10); print and Excel export. */
export function LedgerPage() {
  const { current } = useProject();
  const { message } = App.useApp();
  const { filters, setFilters, setExtra, params } = useFilterParams(thisMonth);
  const rowsPerPage = clampRows(params.get('rows'));
  const fromPage = Math.max(1, Number(params.get('page')) || 1);
  const [exporting, setExporting] = useState(false);

  const query: LedgerQuery | null = current
    ? { projectId: current.id, ...dayRangeToIso(filters.range), class: filters.class, districtId: filters.districtId, rowsPerPage, fromPage, toPage: fromPage + SEGMENT - 1 }
    : null;
  const ledger = useLedger(query);
  const data = ledger.data;
  const period = filters.range ? rt('ledger.period', { from: fmtDate(filters.range[0]), to: fmtDate(filters.range[1]) }) : rt('ledger.periodAll');
  const lastShown = data?.pages.at(-1)?.page ?? 0;

  const onExport = async () => {
    if (!query) return;
    setExporting(true);
    try {
      await downloadFile(ledgerXlsxUrl(query), `${rt('ledger.title')}.xlsx`);
    } catch (e) {
      message.error(rt('ledger.exportFailed', { msg: (e as Error).message }));
    } finally {
      setExporting(false);
    }
  };

  if (!current) return <Empty description={rt('filter.noProject')} />;
  return (
    <div className="ledger-screen">
      <Typography.Title level={4} className="no-print" style={{ marginTop: 0 }}>
        {rt('ledger.title')}
      </Typography.Title>
      <ReportFilters projectId={current.id} value={filters} onChange={(v) => setFilters(v, { page: undefined })}>
        <Form.Item label={rt('ledger.rowsPerPage')}>
          <Select<number>
            aria-label={rt('ledger.rowsPerPage')}
            style={{ width: 90 }}
            value={rowsPerPage}
            options={ROW_CHOICES.map((n) => ({ value: n, label: String(n) }))}
            onChange={(n) => setExtra({ rows: String(n), page: undefined })}
          />
        </Form.Item>
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!data?.pages.length} onClick={() => window.print()}>
            {rt('ledger.print')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!data?.pages.length} onClick={() => void onExport()}>
            {rt('ledger.export')}
          </Button>
        </Space>
      </ReportFilters>
      {ledger.isError ? (
        <ErrorResult error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : !data ? (
        <Spin style={{ display: 'block', padding: 48 }} />
      ) : data.total.total === 0 ? (
        <Empty description={rt('ledger.empty')} />
      ) : (
        <>
          {data.pageCount > SEGMENT && (
            <Alert
              className="no-print"
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={rt('ledger.truncated', { from: fromPage, to: lastShown, m: data.pageCount })}
              action={
                <Space>
                  <Button size="small" disabled={fromPage <= 1} onClick={() => setExtra({ page: String(Math.max(1, fromPage - SEGMENT)) })}>
                    {rt('ledger.prevPages')}
                  </Button>
                  <Button size="small" disabled={lastShown >= data.pageCount} onClick={() => setExtra({ page: String(fromPage + SEGMENT) })}>
                    {rt('ledger.nextPages')}
                  </Button>
                </Space>
              }
            />
          )}
          <Spin spinning={ledger.isFetching && ledger.isPlaceholderData}>
            <div className="ledger-sheets" data-testid="ledger" data-page-count={data.pageCount} data-rows-per-page={data.rowsPerPage} data-fetching={ledger.isFetching ? 'true' : 'false'}>
              {data.pages.map((p) => (
                <LedgerSheet
                  key={p.page}
                  page={p}
                  pageCount={data.pageCount}
                  projectName={current.name}
                  period={period}
                  grandTotal={p.page === data.pageCount ? data.total : undefined}
                />
              ))}
            </div>
          </Spin>
        </>
      )}
    </div>
  );
}
