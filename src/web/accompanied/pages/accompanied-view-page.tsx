import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AccompaniedFile } from '../../../domain/accompanied/accompanied.contract';
import { ARCHIVE_DEPARTMENT_LABELS } from '../../../domain/archives/departments';
import { PageLoading } from '../../components/page-loading';
import { relationLabels, t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { accompaniedKeys, useEndSession, useSession, useSessionFile } from '../api';
import { countdown } from '../format';
import { Watermark } from '../components/watermark';
import { savingOk } from '../../components/saving-ok';

/** The page may not be printed, selected or copied (ARC-9): print shows a notice only. */
const NO_PRINT_CSS = `
.acc-file, .acc-file * { -webkit-user-select: none !important; user-select: none !important; -webkit-touch-callout: none !important; }
.acc-print-notice { display: none; }
@media print {
  body * { visibility: hidden !important; }
  .acc-file { display: none !important; }
  .acc-print-notice, .acc-print-notice * { visibility: visible !important; display: block !important; }
}`;

const block = (e: SyntheticEvent) => e.preventDefault();

function Ended() {
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={t('acc.ended')}
      subTitle={t('acc.endedHint')}
      data-testid="acc-ended"
      extra={<Button onClick={() => void navigate('/accompanied')}>{t('acc.back')}</Button>}
    />
  );
}

function FileView({ file }: { file: AccompaniedFile }) {
  const h = file.household;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${h.unitCode} · ${t('acc.section.household')}`}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('acc.field.project')}>{h.projectName}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.district')}>{h.districtName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.building')}>{h.buildingName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.floor')}>{h.floor}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.area')}>{h.areaM2 ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.handover')}>{h.handoverDate ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('acc.field.movedIn')}>{h.movedInAt ?? ''}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('acc.section.persons')}>
        <Table
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={h.persons}
          data-testid="acc-persons"
          columns={[
            { title: t('acc.col.relation'), render: (_, p) => relationLabels[p.relation as keyof typeof relationLabels] ?? p.relation },
            { title: t('acc.col.name'), dataIndex: 'name' },
            { title: t('acc.col.phone'), dataIndex: 'phone' },
            { title: t('acc.col.idNumber'), dataIndex: 'idNumber' },
          ]}
        />
      </Card>
      <Card size="small" title={t('acc.section.archive')}>
        <Table
          rowKey={(d) => `${d.department}-${d.name}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={file.archive}
          columns={[
            { title: t('acc.col.department'), render: (_, d) => ARCHIVE_DEPARTMENT_LABELS[d.department] },
            { title: t('acc.col.document'), dataIndex: 'name' },
            { title: t('acc.col.status'), render: (_, d) => (d.received ? <Tag color="success">{t('acc.received')}</Tag> : <Tag color="warning">{t('acc.missing')}</Tag>) },
            { title: t('acc.col.location'), render: (_, d) => d.location ?? '' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** The watermarked, read-only file of one supervised session, with its countdown; it clears itself at the end. */
export function AccompaniedViewPage() {
  const { id = '' } = useParams();
  const session = useSession(id);
  const running = session.data?.active === true;
  const file = useSessionFile(id, running);
  const end = useEndSession();
  const qc = useQueryClient();
  // The server's clock, not the device's: offset taken when the session's state came back.
  const offset = useRef(0);
  useEffect(() => {
    if (session.data) offset.current = new Date(session.data.serverNow).getTime() - Date.now();
  }, [session.data]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const remaining = session.data ? new Date(session.data.expiresAt).getTime() - (now + offset.current) : 0;
  const over = !session.data?.active || remaining <= 0 || (file.error && isApiError(file.error) && file.error.status === 404);
  useEffect(() => {
    if (over && session.data) qc.removeQueries({ queryKey: accompaniedKeys.file(id) });
  }, [over, session.data, qc, id]);
  // Keyboard copies, saves and prints are refused while the page is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && ['c', 'x', 'p', 's', 'a'].includes(e.key.toLowerCase())) e.preventDefault();
    };
    const onPrint = () => qc.removeQueries({ queryKey: accompaniedKeys.file(id) });
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeprint', onPrint);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeprint', onPrint);
    };
  }, [qc, id]);

  if (session.isLoading) return <PageLoading />;
  if (session.error || !session.data) return <Ended />;
  if (over) return <Ended />;
  const s = session.data;
  return (
    <div onCopy={block} onCut={block} onContextMenu={block} onDragStart={block} style={{ position: 'relative' }} data-testid="acc-view">
      <style>{NO_PRINT_CSS}</style>
      <div className="acc-print-notice">{t('acc.noPrint')}</div>
      <div className="acc-file">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('acc.with', { lead: s.leadName, cs: s.csName })}
            </Typography.Title>
            <Space wrap>
              <Tag icon={<ClockCircleOutlined />} color={remaining < 60_000 ? 'error' : 'processing'} data-testid="acc-countdown" style={{ fontSize: 16, padding: '4px 10px' }}>
                {t('acc.remaining')} {countdown(remaining)}
              </Tag>
              <Button danger {...savingOk(end.isPending)} data-testid="acc-end" onClick={() => end.mutate(id)}>
                {t('acc.end')}
              </Button>
            </Space>
          </Space>
          <Alert type="warning" showIcon title={t('acc.readOnly')} />
          <div style={{ position: 'relative' }}>
            {file.data ? <Watermark text={file.data.watermark} /> : null}
            {file.data ? <FileView file={file.data} /> : <PageLoading />}
          </div>
        </Space>
      </div>
    </div>
  );
}
