import { Card, Empty, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { t } from '../../i18n/zh-CN';
import type { RecentCall } from '../../../domain/calls/call-record.contract';
import { ClassTag, StatusTag } from '../../components/tags';

/** The household's other recent calls: a repeat call about the same leak is a chase, not a new matter. */
export function RecentCalls({ items, loading, title }: { items: RecentCall[] | undefined; loading?: boolean; title: string }) {
  return (
    <Card size="small" title={title} loading={loading} data-testid="recent-calls">
      {!items?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.recentNone')} />
      ) : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          {items.map((c) => (
            <div key={c.id}>
              <Space size={4} wrap>
                <Link to={`/calls/${c.id}`}>{c.number}</Link>
                <Typography.Text type="secondary">{dayjs(c.receivedAt).format('MM-DD HH:mm')}</Typography.Text>
                <ClassTag value={c.class} />
                <StatusTag value={c.status} />
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {c.content}
              </Typography.Paragraph>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
