import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useLocation } from 'react-router';
import { relationLabels, t } from '../../i18n/zh-CN';
import { useHouseholdSearch } from '../api';

/** Households matching a room code, name or phone digits; each opens the household drawer. */
export function SearchResults({ projectId, q, onClear }: { projectId: string; q: string; onClear: () => void }) {
  const { search } = useLocation();
  const res = useHouseholdSearch(projectId, q);
  return (
    <Card
      size="small"
      title={t('register.searchResults', { q })}
      extra={
        <Button size="small" onClick={onClear}>
          {t('register.clearSearch')}
        </Button>
      }
    >
      {res.isError ? (
        <Typography.Text type="danger">{res.error.message}</Typography.Text>
      ) : (
        <List
          data-testid="search-results"
          loading={res.isPending}
          dataSource={res.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('register.searchEmpty')} /> }}
          renderItem={(h) => (
            <List.Item
              key={h.id}
              actions={[
                <Link key="open" to={{ pathname: `/register/households/${h.id}`, search }} aria-label={`${t('register.open')} ${h.unitCode}`}>
                  {t('register.open')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Link to={{ pathname: `/register/households/${h.id}`, search }} data-testid="household-link">
                    {h.unitCode}
                  </Link>
                }
                description={
                  <Space size={[12, 4]} wrap>
                    {h.persons.map((p) => (
                      <span key={p.id}>
                        <Tag>{relationLabels[p.relation]}</Tag>
                        {p.name} {p.phone ?? ''}
                      </span>
                    ))}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
