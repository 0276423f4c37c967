import { AutoComplete, Button, Card, DatePicker, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ErrorResult } from '../../components/error-result';
import { auditActionLabels, auditDetailLabels, auditEntityLabels, t } from '../../i18n/zh-CN';
import { useAuditLog, type AuditEntry, type AuditFilter } from '../api';

interface FilterForm {
  action?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

// Chosen and typed by their Chinese names: the server finds the actions whose name contains the words.
const actionOptions = [...new Set(Object.values(auditActionLabels))].map((label) => ({ value: label, label }));

const detailValue = (v: unknown): string => (typeof v === 'boolean' ? (v ? '是' : '否') : Array.isArray(v) ? v.map(detailValue).join('、') : typeof v === 'object' && v ? JSON.stringify(v) : String(v));

/** A detail as "原因：…；查看项：…", the reason first; keys without a name (ids) are left out. */
function AuditDetail({ detail }: { detail: AuditEntry['detail'] }) {
  if (!detail) return null;
  const keys = Object.keys(detail).filter((k) => k in auditDetailLabels && detail[k] !== null && detail[k] !== undefined);
  keys.sort((a, b) => (a === 'reason' ? -1 : b === 'reason' ? 1 : 0));
  const text = keys.map((k) => `${auditDetailLabels[k]}：${detailValue(detail[k])}`).join('；');
  return <span title={text}>{text}</span>;
}

function toFilter(v: FilterForm): AuditFilter {
  const [from, to] = v.range ?? [];
  return {
    action: v.action?.trim() || undefined,
    actor: v.actor?.trim() || undefined,
    from: from ? from.format() : undefined,
    to: to ? to.format() : undefined,
  };
}

const columns: TableColumnsType<AuditEntry> = [
  { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
  { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
  {
    title: t('audit.actor'),
    dataIndex: 'actorName',
    width: 140,
    render: (a: string | null, e) => (a ? (e.actorDisplayName ? <span title={a}>{e.actorDisplayName}</span> : a) : <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>),
  },
  { title: t('audit.action'), dataIndex: 'action', width: 140, render: (a: string) => <span title={a}>{auditActionLabels[a] ?? a}</span> },
  {
    title: t('audit.entity'),
    key: 'entity',
    width: 200,
    render: (_, e) => (e.entity ? `${auditEntityLabels[e.entity] ?? e.entity}${e.subject ? ` ${e.subject}` : ''}` : (e.subject ?? '')),
  },
  {
    title: t('audit.detail'),
    dataIndex: 'detail',
    ellipsis: true,
    render: (d: AuditEntry['detail']) => <AuditDetail detail={d} />,
  },
  { title: t('audit.ip'), dataIndex: 'ip', width: 120 },
];

/** 审计日志: read-only trail, filtered by action, user and time, paged backwards by `before`. */
export function AuditPage() {
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(filter);
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);

  return (
    <Card title={t('audit.title')}>
      <Form<FilterForm> form={form} layout="inline" onFinish={(v) => setFilter(toFilter(v))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label={t('audit.action')}>
          <AutoComplete options={actionOptions} style={{ width: 200 }} allowClear placeholder={t('audit.actionPlaceholder')} filterOption={(input, o) => String(o?.label ?? '').includes(input)} />
        </Form.Item>
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 160 }} placeholder={t('audit.actorPlaceholder')} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t('audit.reset')}
          </Button>
        </Space>
      </Form>
      {log.isError ? (
        <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<AuditEntry> rowKey="seq" size="small" loading={log.isPending} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 1000 }} />
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            {log.hasNextPage ? (
              <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {t('audit.more')}
              </Button>
            ) : (
              rows.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
            )}
          </div>
        </>
      )}
    </Card>
  );
}
