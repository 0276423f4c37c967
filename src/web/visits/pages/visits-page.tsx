import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Grid, InputNumber, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { VISIT_RATING_LABELS, VISIT_STATUS_LABELS, VISIT_SUBJECT_LABELS } from '../../../domain/visits/labels';
import type { Visit } from '../../../domain/visits/visits.contract';
import { useSaveVisitSettings, useVisitMonthly, useVisitSettings, useVisitStats, useVisits } from '../api';
import { withQuery } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';
import type { VisitMonthly } from '../../../domain/visits/visits.contract';
import { RecordVisitModal } from './record-visit-modal';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** VISIT-5: this month's figures per kind: due vs done, the visit rate against its target, the satisfaction rate. */
function MonthFigures({ projectId }: { projectId: string }) {
  const from = dayjs().startOf('month').format('YYYY-MM-DD');
  const to = dayjs().endOf('month').format('YYYY-MM-DD');
  const stats = useVisitStats(projectId, from, to);
  if (stats.isPending) return <Card size="small" loading />;
  if (stats.isError) return <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <Row gutter={[12, 12]} data-testid="visit-stats">
      {stats.data.kinds.map((k) => (
        <Col xs={24} lg={8} key={k.subjectKind}>
          <Card size="small" title={`${t('visits.stats')} · ${VISIT_SUBJECT_LABELS[k.subjectKind]}`}>
            <Row gutter={8}>
              <Col span={6}>
                <Statistic title={t('visits.due')} value={k.due} />
              </Col>
              <Col span={6}>
                <Statistic title={t('visits.done')} value={k.done} />
              </Col>
              <Col span={6}>
                <Statistic title={`${t('visits.visitRate')}（${t('visits.target')} ${pct(k.target)}）`} value={pct(k.visitRate)} />
              </Col>
              <Col span={6}>
                <Statistic title={t('visits.satisfactionRate')} value={pct(k.satisfactionRate)} />
              </Col>
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type MonthRow = VisitMonthly['rows'][number];

/** VISIT-5 per month (the last six), every kind with its target; exportable to Excel. */
function MonthlyTable({ projectId, narrow }: { projectId: string; narrow: boolean }) {
  const from = dayjs().subtract(5, 'month').format('YYYY-MM');
  const to = dayjs().format('YYYY-MM');
  const q = useVisitMonthly(projectId, from, to);
  return (
    <Card
      size="small"
      title={t('visits.monthly')}
      extra={
        <Button size="small" icon={<DownloadOutlined />} href={withQuery('/api/visits/stats/monthly.xlsx', { projectId, from, to })}>
          {t('visits.export')}
        </Button>
      }
    >
      {q.isError ? (
        <ErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<MonthRow>
          data-testid="visit-monthly"
          rowKey={(r) => `${r.month}-${r.subjectKind}`}
          size="small"
          loading={q.isPending}
          pagination={false}
          scroll={narrow ? { x: 520 } : undefined}
          dataSource={(q.data?.rows ?? []).slice().reverse()}
          columns={[
            { key: 'm', title: t('visits.month'), dataIndex: 'month' },
            { key: 'k', title: t('visits.kind'), render: (_: unknown, r) => VISIT_SUBJECT_LABELS[r.subjectKind] },
            { key: 'due', title: t('visits.due'), dataIndex: 'due' },
            { key: 'done', title: t('visits.done'), dataIndex: 'done' },
            { key: 'rate', title: t('visits.visitRate'), render: (_: unknown, r) => <Typography.Text type={r.visitRate !== null && r.visitRate < 1 ? 'warning' : undefined}>{pct(r.visitRate)}</Typography.Text> },
            { key: 'target', title: t('visits.target'), render: (_: unknown, r) => pct(r.target) },
            { key: 'sat', title: t('visits.satisfactionRate'), render: (_: unknown, r) => pct(r.satisfactionRate) },
          ]}
        />
      )}
    </Card>
  );
}

/** VISIT-2's share for this project: read by customer service, set by the supervisors (0–100 %). */
function ShareSetting({ projectId }: { projectId: string }) {
  const q = useVisitSettings(projectId);
  const save = useSaveVisitSettings();
  const fail = useActionError();
  const { message } = App.useApp();
  const [value, setValue] = useState<number | null>(null);
  if (!q.data) return null;
  const s = q.data;
  const shown = value ?? s.sharePercent;
  return (
    <Card size="small" title={t('visits.share')} data-testid="visit-share">
      <Space wrap>
        <InputNumber min={0} max={100} precision={0} suffix="%" value={shown} disabled={!s.canEdit} onChange={(v) => setValue(v)} aria-label={t('visits.share')} style={{ width: 120 }} />
        {s.isDefault && <Typography.Text type="secondary">{t('visits.shareDefault')}</Typography.Text>}
        {s.canEdit && (
          <Button
            type="primary"
            loading={save.isPending}
            disabled={value === null || value === s.sharePercent}
            onClick={() =>
              save.mutate(
                { projectId, sharePercent: shown, version: s.version },
                { onSuccess: () => { setValue(null); void message.success(t('visits.shareSaved')); }, onError: (e) => fail(e) },
              )
            }
          >
            {t('visits.shareSave')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('visits.shareHint')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 回访工作清单: the visits drawn (every handled complaint, a share of finished repairs), due first. */
export function VisitsPage() {
  const { current } = useProject();
  const [onlyDue, setOnlyDue] = useState(true);
  const [recording, setRecording] = useState<Visit | null>(null);
  const list = useVisits(current?.id, onlyDue);
  const narrow = Grid.useBreakpoint().md === false;

  const columns = [
    { key: 'kind', title: t('visits.kind'), render: (_: unknown, v: Visit) => <Tag color={v.subjectKind === 'complaint' ? 'red' : v.subjectKind === 'help_request' ? 'orange' : 'blue'}>{VISIT_SUBJECT_LABELS[v.subjectKind]}</Tag> },
    { key: 'subject', title: t('visits.subject'), render: (_: unknown, v: Visit) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{v.subjectNumber}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: narrow ? 160 : 360 }}>
            {v.summary}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'contact', title: t('visits.contact'), render: (_: unknown, v: Visit) => `${v.contactName ?? ''} ${v.contactPhone ?? ''}`, responsive: ['md' as const] },
    { key: 'due', title: t('visits.dueAt'), render: (_: unknown, v: Visit) => <Typography.Text type={v.overdue ? 'danger' : undefined}>{dayjs(v.dueAt).format('MM-DD')}{v.overdue ? ` ${t('visits.overdue')}` : ''}</Typography.Text> },
    { key: 'status', title: t('visits.status'), render: (_: unknown, v: Visit) => (v.status === 'done' ? <Tag color={v.rating === 'unsatisfied' ? 'red' : 'green'}>{v.rating ? VISIT_RATING_LABELS[v.rating] : VISIT_STATUS_LABELS.done}</Tag> : <Tag>{VISIT_STATUS_LABELS.due}</Tag>) },
    { key: 'act', title: '', render: (_: unknown, v: Visit) => (v.abilities.record ? <Button type="primary" size="small" onClick={() => setRecording(v)} data-testid="visit-record">{t('visits.record')}</Button> : v.visitorName) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('visits.title')}
        </Typography.Title>
        <Space>
          <Switch checked={onlyDue} onChange={setOnlyDue} aria-label={t('visits.onlyDue')} />
          <Typography.Text>{t('visits.onlyDue')}</Typography.Text>
          <Button icon={<ReloadOutlined />} aria-label={t('error.retry')} loading={list.isFetching} onClick={() => void list.refetch()} />
        </Space>
      </Space>
      {current && <MonthFigures projectId={current.id} />}
      {list.isPending && current ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Visit>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={narrow ? { x: 480 } : undefined}
          locale={{ emptyText: <Empty description={t('visits.none')} /> }}
        />
      )}
      {current && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={16}>
            <MonthlyTable projectId={current.id} narrow={narrow} />
          </Col>
          <Col xs={24} lg={8}>
            <ShareSetting projectId={current.id} />
          </Col>
        </Row>
      )}
      {recording && <RecordVisitModal visit={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
