import { Button, Card, DatePicker, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { CALL_STATUS_LABELS } from '../../../../domain/calls/labels';
import { useProject } from '../../../lib/project-context';
import { ErrorResult } from '../../../components/error-result';
import { useGtQueue, useGtSummary } from '../api';
import type { CallListItem } from '../../../../domain/calls/call-record.contract';
import type { GtGroup } from '../../../../domain/calls/ledger.contract';
import { fmtDateTime, fmtDuration } from '../format';
import { rt } from '../messages';
import { useNow } from '../../../components/countdown';

const FMT = 'YYYY-MM-DD HH:mm';

/** The period from the URL (?from=&to=, ISO datetimes, as the weekly notification links), else the last 7 days. */
function usePeriod(): [Dayjs, Dayjs, (from: Dayjs, to: Dayjs) => void] {
  const [params, setParams] = useSearchParams();
  const f = dayjs(params.get('from') ?? '');
  const t = dayjs(params.get('to') ?? '');
  const ok = f.isValid() && t.isValid() && t.isAfter(f);
  const from = ok ? f : dayjs().subtract(7, 'day').startOf('day');
  const to = ok ? t : dayjs().add(1, 'day').startOf('day');
  return [from, to, (a, b) => setParams({ from: a.format(), to: b.format() }, { replace: true })];
}

const summaryColumns: TableColumnsType<GtGroup> = [
  { title: rt('gt.col.category'), dataIndex: 'category', width: 160 },
  { title: rt('gt.col.building'), dataIndex: 'building', width: 110 },
  { title: rt('gt.col.count'), dataIndex: 'count', width: 80, align: 'right', render: (n: number) => <strong>{n}</strong> },
  { title: rt('gt.col.open'), dataIndex: 'open', width: 90, align: 'right', render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : 0) },
  {
    title: rt('gt.col.numbers'),
    dataIndex: 'numbers',
    render: (ns: string[]) => (
      <Space size={[4, 4]} wrap>
        {ns.map((n) => (
          <Tag key={n}>{n}</Tag>
        ))}
      </Space>
    ),
  },
];

function queueColumns(now: number): TableColumnsType<CallListItem> {
  return [
    { title: rt('board.col.number'), dataIndex: 'number', width: 150, render: (n: string, i) => <Link to={`/calls/${i.id}`}>{n}</Link> },
    { title: rt('board.col.receivedAt'), dataIndex: 'receivedAt', width: 140, render: fmtDateTime },
    { title: rt('board.col.unit'), dataIndex: 'unitCode', width: 95 },
    { title: rt('board.col.caller'), dataIndex: 'callerName', width: 100 },
    { title: rt('board.col.content'), dataIndex: 'content', ellipsis: true },
    { title: rt('board.col.status'), dataIndex: 'status', width: 110, render: (s: CallListItem['status']) => CALL_STATUS_LABELS[s] },
    {
      title: rt('board.col.due'),
      key: 'due',
      width: 130,
      render: (_, i) => {
        if (!i.dueAt) return <Typography.Text type="secondary">{rt('board.noDue')}</Typography.Text>;
        const left = new Date(i.dueAt).getTime() - now;
        return left <= 0 ? <Tag color="error">{rt('board.overBy', { d: fmtDuration(left) })}</Tag> : <Tag>{rt('board.dueIn', { d: fmtDuration(left) })}</Tag>;
      },
    },
  ];
}

/** GT (CALL-7): the open coordination queue, and what households raised together in a period, for the service centre. */
export function GtPage() {
  const { current } = useProject();
  const [from, to, setPeriod] = usePeriod();
  const summary = useGtSummary(current?.id, from.format(), to.format());
  const queue = useGtQueue(current?.id);
  const now = useNow(30_000);
  if (!current) return <Empty description={rt('filter.noProject')} />;
  const groups = summary.data?.groups ?? [];
  const lastMonday = dayjs().startOf('day').subtract((dayjs().day() + 6) % 7, 'day').hour(8);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={rt('gt.summary')}
        data-testid="gt-summary"
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format={FMT}
              value={[from, to]}
              allowClear={false}
              onChange={(r) => r?.[0] && r[1] && setPeriod(r[0], r[1])}
            />
            <Button size="small" onClick={() => setPeriod(lastMonday.subtract(7, 'day'), lastMonday)}>
              {rt('gt.lastWeek')}
            </Button>
            <Button size="small" onClick={() => setPeriod(dayjs().startOf('month'), dayjs().add(1, 'day').startOf('day'))}>
              {rt('gt.thisMonth')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{rt('gt.summaryHint')}</Typography.Paragraph>
        {summary.isError ? (
          <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <Table<GtGroup>
            rowKey={(g) => `${g.category}|${g.building}`}
            size="small"
            loading={summary.isPending}
            columns={summaryColumns}
            dataSource={groups}
            pagination={false}
            locale={{ emptyText: <Empty description={rt('gt.summaryEmpty')} /> }}
            summary={() =>
              groups.length > 0 && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{rt('stats.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <strong>{groups.reduce((n, g) => n + g.count, 0)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {groups.reduce((n, g) => n + g.open, 0)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} />
                </Table.Summary.Row>
              )
            }
          />
        )}
      </Card>
      <Card title={rt('gt.queue')} data-testid="gt-queue" extra={queue.data && <Tag>{queue.data.items.length}</Tag>}>
        {queue.isError ? (
          <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} />
        ) : (
          <Table<CallListItem>
            rowKey="id"
            size="small"
            loading={queue.isPending}
            columns={queueColumns(now)}
            dataSource={queue.data?.items ?? []}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={rt('gt.queueEmpty')} /> }}
          />
        )}
      </Card>
    </Space>
  );
}
