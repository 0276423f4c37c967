import { KeyOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ErrorResult } from '../../components/error-result';
import { t } from '../../i18n/zh-CN';
import { useLoans } from '../api';

const SHOWN = 5;

/**
 * 钥匙台 on the guards' duty page and the front desk's intake page: the keys out now, overdue first, and the
 * way to the key register where they are lent, returned and chased.
 */
export function KeyDeskCard({ projectId }: { projectId: string }) {
  const out = useLoans(projectId, true);
  const loans = [...(out.data ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt.localeCompare(b.dueAt));
  const overdue = loans.filter((l) => l.overdue).length;
  return (
    <Card
      size="small"
      data-testid="key-desk"
      title={
        <Space size={6}>
          <KeyOutlined />
          {t('keys.desk.title')}
          {loans.length > 0 && <Tag color="orange">{t('keys.desk.out', { n: loans.length })}</Tag>}
          {overdue > 0 && <Tag color="red">{t('keys.desk.overdue', { n: overdue })}</Tag>}
        </Space>
      }
      extra={<Link to={loans.length ? '/keys?tab=out' : '/keys'}>{t('keys.desk.open')}</Link>}
      style={{ marginBottom: 12 }}
    >
      {out.isError ? (
        <ErrorResult error={out.error} onRetry={() => void out.refetch()} />
      ) : (
        <List
          size="small"
          loading={out.isPending}
          locale={{ emptyText: t('keys.desk.none') }}
          dataSource={loans.slice(0, SHOWN)}
          renderItem={(l) => (
            <List.Item key={l.id} data-testid="key-desk-loan">
              <Space size={8} wrap>
                <Typography.Text strong>{l.keyNumber}</Typography.Text>
                {l.unitCode && <Typography.Text>{l.unitCode}</Typography.Text>}
                <Typography.Text type="secondary">{l.borrowerName}</Typography.Text>
                <Typography.Text type={l.overdue ? 'danger' : 'secondary'}>{t('keys.desk.due', { at: dayjs(l.dueAt).format('MM-DD HH:mm') })}</Typography.Text>
                {l.overdue && <Tag color="red">{t('keys.overdue')}</Tag>}
              </Space>
            </List.Item>
          )}
          footer={loans.length > SHOWN ? <Typography.Text type="secondary">{t('keys.desk.more', { n: loans.length - SHOWN })}</Typography.Text> : undefined}
        />
      )}
    </Card>
  );
}
