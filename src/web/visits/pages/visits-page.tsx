import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Row, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { VISIT_RATING_LABELS, VISIT_STATUS_LABELS, VISIT_SUBJECT_LABELS } from '../../../domain/visits/labels';
import type { Visit } from '../../../domain/visits/visits.contract';
import { useVisitStats, useVisits } from '../api';
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
        <Col xs={24} md={12} key={k.subjectKind}>
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

/** 回访工作清单: the visits drawn (every handled complaint, a share of finished repairs), due first. */
export function VisitsPage() {
  const { current } = useProject();
  const [onlyDue, setOnlyDue] = useState(true);
  const [recording, setRecording] = useState<Visit | null>(null);
  const list = useVisits(current?.id, onlyDue);
  const narrow = Grid.useBreakpoint().md === false;

  const columns = [
    { key: 'kind', title: t('visits.kind'), render: (_: unknown, v: Visit) => <Tag color={v.subjectKind === 'complaint' ? 'red' : 'blue'}>{VISIT_SUBJECT_LABELS[v.subjectKind]}</Tag> },
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
      {recording && <RecordVisitModal visit={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
