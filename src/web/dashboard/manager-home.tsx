import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorResult } from '../components/error-result';
import { PageLoading } from '../components/page-loading';
import { t } from '../i18n/zh-CN';
import { useProject } from '../lib/project-context';
import { COMPLAINT_LEVEL_LABELS } from '../../domain/complaints/labels';
import { DEPARTMENT_LABELS, type Department } from '../../domain/shared/departments';
import type { ComplaintLevel } from '../../domain/complaints/complaints.table';
import type { ManagerHome as Home } from '../../domain/dashboard/dashboard.contract';
import { useManagerHome } from './api';
import { withQuery } from '../lib/api';
import { Bars } from './bar-chart';

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
type DistrictRow = Home['calls']['byDistrict'][number];

/** A figure that opens the records behind it. */
function Figure({ title, value, to, danger, testId, note }: { title: string; value: number | string; to?: string; danger?: boolean; testId?: string; note?: string }) {
  const stat = (
    <>
      <Statistic title={title} value={value} styles={{ content: danger && value !== 0 ? { color: '#cf1322' } : undefined }} />
      {note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{note}</Typography.Text>}
    </>
  );
  return (
    <Card size="small" hoverable={Boolean(to)} data-testid={testId}>
      {to ? <Link to={to}>{stat}</Link> : stat}
    </Card>
  );
}

/** The managers' first screen: today's numbers of the project and what needs them, each clickable through. */
export function ManagerHome() {
  const { current } = useProject();
  const q = useManagerHome(current?.id);
  const navigate = useNavigate();
  if (!current) return <Empty description={t('app.noProject')} />;
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const h = q.data;
  const levels = (['major', 'serious', 'minor'] as ComplaintLevel[]).map((l) => ({ key: l, count: h.complaints.byLevel.find((x) => x.key === l)?.count ?? 0 }));
  const deps = h.complaints.byDepartment.filter((d) => d.key in DEPARTMENT_LABELS);
  const callsOf = (d: DistrictRow) => `/calls?open=1${d.districtId ? `&districtId=${d.districtId}` : ''}`;
  const exportUrl = withQuery('/api/dashboard/manager.xlsx', { projectId: current.id });
  const exportButton = (
    <Button size="small" type="link" icon={<DownloadOutlined />} href={exportUrl}>
      {t('dashboard.export')}
    </Button>
  );
  const tm = h.timeliness;

  return (
    <div data-testid="manager-home">
      <Typography.Title level={4} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        {t('dashboard.title')}
        <Tag color={h.scope.all ? 'default' : 'blue'} data-testid="home-scope">
          {h.scope.all ? t('dashboard.scopeAll') : t('dashboard.scopeMine', { names: h.scope.districts.map((d) => d.name).join('、') || '—' })}
        </Tag>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.callsOpen')} value={h.calls.open} to="/calls?open=1" testId="fig-calls-open" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.callsOverdue')} value={h.calls.overdue} to="/calls?open=1" danger />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.awaitingVerification')} value={h.calls.awaitingVerification} />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.complaintsOpen')} value={h.complaints.open} to="/complaints" testId="fig-complaints-open" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.complaintsOverdue')} value={h.complaints.overdue} to="/complaints" danger />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.visitsDue')} value={h.visits.due} to="/visits" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.visitRate')} value={pct(h.visits.visitRate)} to="/visits" note={t('dashboard.visitTarget', { target: pct(h.visits.targetShare) })} />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.satisfactionRate')} value={pct(h.visits.satisfactionRate)} to="/visits" />
        </Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.byDistrict')} extra={exportButton}>
            <Table<DistrictRow>
              rowKey={(d) => d.districtId ?? 'none'}
              size="small"
              pagination={false}
              dataSource={h.calls.byDistrict}
              locale={{ emptyText: <Empty description={t('dashboard.none')} /> }}
              columns={[
                { key: 'name', title: t('dashboard.district'), render: (_: unknown, d) => <Link to={callsOf(d)}>{d.districtName ?? t('dashboard.noDistrict')}</Link> },
                { key: 'open', title: t('dashboard.callsOpen'), render: (_: unknown, d) => <Link to={callsOf(d)}>{d.open}</Link> },
                { key: 'overdue', title: t('dashboard.callsOverdue'), render: (_: unknown, d) => <Typography.Text type={d.overdue ? 'danger' : undefined}>{d.overdue}</Typography.Text> },
                { key: 'verify', title: t('dashboard.awaitingVerification'), dataIndex: 'awaitingVerification' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small" title={t('dashboard.complaintsByLevel')} extra={exportButton}>
            <Bars label={t('dashboard.complaintsByLevel')} labels={levels.map((l) => COMPLAINT_LEVEL_LABELS[l.key])} values={levels.map((l) => l.count)} color="#cf1322" onPick={() => void navigate('/complaints')} />
          </Card>
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Card size="small" title={t('dashboard.complaintsByDepartment')} extra={exportButton}>
            <Bars label={t('dashboard.complaintsByDepartment')} labels={deps.map((d) => DEPARTMENT_LABELS[d.key as Department])} values={deps.map((d) => d.count)} color="#1677ff" onPick={() => void navigate('/complaints')} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('dashboard.timeliness')} extra={exportButton} style={{ marginTop: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Figure title={t('dashboard.firstResponse')} value={pct(tm.firstResponse.rate)} to="/help" note={t('dashboard.metOf', { met: tm.firstResponse.met, due: tm.firstResponse.due })} testId="fig-first-response" />
          </Col>
          <Col xs={24} md={8}>
            <Figure title={t('dashboard.closeOnTime')} value={pct(tm.close.rate)} to="/calls" note={t('dashboard.metOf', { met: tm.close.met, due: tm.close.due })} />
          </Col>
          <Col xs={24} md={8}>
            <Figure title={t('dashboard.complaintReturn')} value={pct(tm.complaintReturn.rate)} to="/complaints" note={t('dashboard.metOf', { met: tm.complaintReturn.met, due: tm.complaintReturn.due })} />
          </Col>
        </Row>
      </Card>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {h.keys && (
          <>
            <Col xs={12} md={6}>
              <Figure title={t('dashboard.keysOut')} value={h.keys.out} to="/keys" testId="fig-keys-out" />
            </Col>
            <Col xs={12} md={6}>
              <Figure title={t('dashboard.keysOverdue')} value={h.keys.overdue} to="/keys" danger />
            </Col>
          </>
        )}
        {h.archives && (
          <Col xs={12} md={6}>
            <Figure title={t('dashboard.archiveRate')} value={pct(h.archives.rate)} to="/archives" note={t('dashboard.archiveOf', { complete: h.archives.complete, households: h.archives.households })} testId="fig-archives" />
          </Col>
        )}
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.contactFormsOpen')} value={h.contactForms.open} to="/contact-forms" />
        </Col>
        <Col xs={12} md={6}>
          <Figure title={t('dashboard.contactFormsOverdue')} value={h.contactForms.overdue} to="/contact-forms" danger />
        </Col>
      </Row>
    </div>
  );
}
