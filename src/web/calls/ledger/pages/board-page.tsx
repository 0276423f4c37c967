import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { SlaState } from '../../../../domain/deadlines/sla';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../../domain/calls/labels';
import { WORK_ORDER_STATUS_LABELS } from '../../../../domain/work-orders/labels';
import { useProject } from '../../../lib/project-context';
import { ErrorResult } from '../../../components/error-result';
import { useProjectTree } from '../../../lib/project-tree';
import { useBoard } from '../api';
import type { BoardItem } from '../../../../domain/work-orders/call-views.contract';
import { boardAbilities, latestWorkOrder, sortBoard } from '../board-state';
import { ChaseDialog, ReassignDialog } from '../components/board-dialogs';
import { FollowUpSetting } from '../components/follow-up-setting';
import '../components/board.css';
import { CLASS_COLORS, fmtDuration } from '../format';
import { rt } from '../messages';
import { useNow } from '../../../components/countdown';

interface Row {
  item: BoardItem;
  state: SlaState;
}
type Dialog = { kind: 'chase' | 'reassign'; item: BoardItem } | null;

function Due({ item, state, now }: Row & { now: number }) {
  if (!item.dueAt) return <Typography.Text type="secondary">{rt('board.noDue')}</Typography.Text>;
  const left = new Date(item.dueAt).getTime() - now;
  if (state === 'overdue') return <Tag color="error">{left < 0 ? rt('board.overBy', { d: fmtDuration(left) }) : rt('board.overdue')}</Tag>;
  return <Tag color={state === 'warning' ? 'warning' : 'default'}>{rt('board.dueIn', { d: fmtDuration(left) })}</Tag>;
}

/** 辖区看板 (CALL-4): the open items of the account manager's districts, overdue first; 催办 and 改派 from here. */
export function BoardPage() {
  const { current } = useProject();
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const board = useBoard(current?.id, districtId);
  const tree = useProjectTree(current?.id);
  const now = useNow(10_000);

  const rows = useMemo(() => sortBoard(board.data?.items ?? [], now), [board.data, now]);
  const mine = board.data?.districts;
  const districtOptions = (tree.data?.districts ?? [])
    .filter((d) => districtId === d.id || !Array.isArray(mine) || mine.includes(d.id))
    .map((d) => ({ value: d.id, label: d.name }));
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  const warning = rows.filter((r) => r.state === 'warning').length;

  const columns: TableColumnsType<Row> = [
    {
      title: rt('board.col.numberTime'),
      key: 'number',
      width: 150,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/calls/${r.item.id}`} style={{ fontWeight: r.state === 'overdue' ? 600 : undefined }}>
            {r.item.number}
          </Link>
          <Typography.Text type="secondary">{dayjs(r.item.receivedAt).format('MM-DD HH:mm')}</Typography.Text>
        </Space>
      ),
    },
    {
      title: rt('board.col.unitCaller'),
      key: 'unit',
      width: 110,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{r.item.unitCode ?? ''}</span>
          <Typography.Text type="secondary">{r.item.callerName}</Typography.Text>
        </Space>
      ),
    },
    { title: rt('board.col.content'), key: 'content', ellipsis: true, render: (_, r) => <span title={r.item.content}>{r.item.content}</span> },
    { title: rt('board.col.class'), key: 'class', width: 90, render: (_, r) => <Tag color={CLASS_COLORS[r.item.class]}>{CLASS_LABELS[r.item.class]}</Tag> },
    { title: rt('board.col.status'), key: 'status', width: 80, render: (_, r) => CALL_STATUS_LABELS[r.item.status] },
    { title: rt('board.col.due'), key: 'due', width: 140, render: (_, r) => <Due {...r} now={now} /> },
    {
      title: rt('board.col.workOrder'),
      key: 'wo',
      width: 190,
      render: (_, r) => {
        const wo = latestWorkOrder(r.item);
        if (!wo) return <Typography.Text type="secondary">{rt('board.noWorkOrder')}</Typography.Text>;
        return (
          <Space orientation="vertical" size={0}>
            <span>{wo.number}</span>
            <Typography.Text type="secondary" data-testid="board-wo-status">
              {WORK_ORDER_STATUS_LABELS[wo.status]}
              {wo.chaseCount > 0 && ` · ${rt('board.chaseCount', { n: wo.chaseCount })}`}
            </Typography.Text>
          </Space>
        );
      },
    },
    {
      title: rt('board.col.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, r) => {
        const can = boardAbilities(r.item);
        return (
          <Space size={4}>
            {can.chase && (
              <Button size="small" onClick={() => setDialog({ kind: 'chase', item: r.item })}>
                {rt('board.chase')}
              </Button>
            )}
            {can.reassign && (
              <Button size="small" onClick={() => setDialog({ kind: 'reassign', item: r.item })}>
                {rt('board.reassign')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  if (!current) return <Empty description={rt('filter.noProject')} />;
  const wo = dialog?.kind === 'reassign' ? latestWorkOrder(dialog.item) : undefined;
  return (
    <>
      <Card
        title={
          <Space orientation="vertical" size={0}>
            <span>{rt('board.title')}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
              {rt('board.subtitle')}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Select<string>
              aria-label={rt('filter.district')}
              style={{ width: 150 }}
              allowClear
              placeholder={Array.isArray(mine) ? rt('board.allMine') : rt('board.all')}
              options={districtOptions}
              value={districtId}
              onChange={(d) => setDistrictId(d ?? undefined)}
            />
            <Button icon={<ReloadOutlined />} loading={board.isFetching} onClick={() => void board.refetch()}>
              {rt('board.refresh')}
            </Button>
          </Space>
        }
      >
        {board.isError ? (
          <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
        ) : (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Typography.Text data-testid="board-counts">{rt('board.counts', { n: rows.length, o: overdue, w: warning })}</Typography.Text>
              {board.dataUpdatedAt > 0 && <Typography.Text type="secondary">{rt('board.refreshed', { time: dayjs(board.dataUpdatedAt).format('HH:mm:ss') })}</Typography.Text>}
            </Space>
            <Table<Row>
              rowKey={(r) => r.item.id}
              size="small"
              loading={board.isPending}
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: <Empty description={rt('board.empty')} /> }}
              rowClassName={(r) => (r.state === 'overdue' ? 'board-row-overdue' : r.state === 'warning' ? 'board-row-warning' : '')}
              onRow={(r) => ({ 'data-testid': 'board-row', 'data-state': r.state, 'data-number': r.item.number, 'data-unit': r.item.unitCode ?? '' }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )}
        {dialog?.kind === 'chase' && <ChaseDialog item={dialog.item} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'reassign' && wo && <ReassignDialog projectId={current.id} item={dialog.item} workOrder={wo} onClose={() => setDialog(null)} />}
      </Card>
      <FollowUpSetting projectId={current.id} />
    </>
  );
}
