import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, withQuery } from '../../lib/api';
import { t } from '../../i18n/zh-CN';
import { ErrorResult } from '../../components/error-result';
import { COMPLAINT_LEVEL_LABELS } from '../../../domain/complaints/labels';
import { DEPARTMENT_LABELS } from '../../../domain/shared/departments';
import type { ComplaintAnalysis } from '../../../domain/complaints/complaints.contract';

const label = (map: Record<string, string>, k: string) => map[k] ?? (k || t('complaints.causeNone'));

/** COMP-7: a month's complaints by level, department and cause, with the time to close, and its Excel export. */
export function MonthAnalysis({ projectId }: { projectId: string }) {
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const q = useQuery({
    queryKey: ['complaints', 'analysis', projectId, month],
    queryFn: ({ signal }) => api.get<ComplaintAnalysis>('/api/complaints/analysis', { projectId, month }, signal),
  });
  return (
    <Card
      size="small"
      title={t('complaints.analysis')}
      style={{ marginBottom: 12 }}
      extra={
        <Space wrap>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label={t('complaints.month')} />
          <Button icon={<DownloadOutlined />} href={withQuery('/api/complaints/analysis.xlsx', { projectId, month })}>
            {t('complaints.export')}
          </Button>
        </Space>
      }
    >
      {q.isError ? (
        <ErrorResult error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space size="large" wrap>
            <Statistic loading={q.isPending} title={t('complaints.total')} value={q.data?.total ?? 0} />
            <Statistic loading={q.isPending} title={t('complaints.validYes')} value={q.data?.valid ?? 0} />
            <Statistic loading={q.isPending} title={t('complaints.validNo')} value={q.data?.invalid ?? 0} />
            <Statistic loading={q.isPending} title={t('complaints.closedCount')} value={q.data?.closed ?? 0} />
            <Statistic loading={q.isPending} title={t('complaints.avgHours')} value={q.data?.avgHoursToClose ?? '—'} />
          </Space>
          {q.data && (
            <Typography.Text type="secondary">
              {q.data.byLevel.map((g) => <Tag key={`l${g.key}`}>{label(COMPLAINT_LEVEL_LABELS, g.key)} {g.count}</Tag>)}
              {q.data.byDepartment.map((g) => <Tag key={`d${g.key}`} color="blue">{label(DEPARTMENT_LABELS, g.key)} {g.count}</Tag>)}
              {q.data.byCause.map((g) => <Tag key={`c${g.key}`} color="purple">{label({}, g.key)} {g.count}</Tag>)}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}
