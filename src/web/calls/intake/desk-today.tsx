import { Card, Col, Row, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../lib/api';
import { t } from '../../i18n/zh-CN';
import { localDay, localDayStart } from '../../../domain/shared/business-time';
import type { CallPage } from '../../../domain/calls/ledger.contract';
import type { WorkOrderList } from '../../../domain/work-orders/work-orders.contract';

const REFRESH = 60_000;

/** How many records a list filter finds (one row fetched; the list answers with its total). */
function useTotal(key: string, projectId: string, filter: Record<string, string | number | boolean>) {
  return useQuery({
    queryKey: ['calls', 'desk-figure', key, projectId],
    queryFn: ({ signal }) => api.get<CallPage>('/api/calls', { projectId, pageSize: 1, ...filter }, signal),
    refetchInterval: REFRESH,
    select: (d) => d.total,
  });
}

/**
 * The desk's numbers above the intake form (issue 13): today's calls, records still open, those past their
 * deadline, and finished jobs waiting for the desk's verification (待验收) — each opens the list behind it.
 */
export function DeskToday({ projectId }: { projectId: string }) {
  const day = localDay(new Date());
  const start = localDayStart(day);
  const end = new Date(start.getTime() + 86_400_000);
  const today = useTotal('today', projectId, { from: start.toISOString(), to: end.toISOString() });
  const open = useTotal('open', projectId, { open: 1 });
  const overdue = useTotal('overdue', projectId, { overdue: 1 });
  const verify = useQuery({
    queryKey: ['work-orders', 'desk-verify', projectId],
    queryFn: ({ signal }) => api.get<WorkOrderList>('/api/work-orders', { projectId, status: 'done' }, signal),
    refetchInterval: REFRESH,
    select: (d) => d.items.length,
  });
  const figure = (key: string, title: string, value: number | undefined, to: string, danger = false) => (
    <Col xs={12} md={6} key={key}>
      <Card size="small" hoverable data-testid={`desk-${key}`}>
        <Link to={to}>
          <Statistic title={title} value={value ?? '—'} styles={{ content: danger && value ? { color: '#cf1322' } : undefined }} />
        </Link>
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} aria-label={t('desk.figures')} data-testid="desk-figures">
      {figure('today', t('desk.today'), today.data, `/calls?from=${day}&to=${day}`)}
      {figure('open', t('desk.open'), open.data, '/calls?open=1')}
      {figure('overdue', t('desk.overdue'), overdue.data, '/calls?overdue=1', true)}
      {figure('verify', t('desk.awaitingVerification'), verify.data, '/calls?open=1&status=in_progress')}
    </Row>
  );
}
