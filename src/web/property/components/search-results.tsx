import { Button, Card, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useLocation } from 'react-router';
import { relationLabels, t } from '../../i18n/zh-CN';
import { useHouseholdSearch, type HouseholdSummary } from '../api';

/** Households matching a room code, name or phone digits; each opens the household drawer. */
export function SearchResults({ projectId, q, onClear }: { projectId: string; q: string; onClear: () => void }) {
  const { search } = useLocation();
  const res = useHouseholdSearch(projectId, q);
  const to = (h: HouseholdSummary) => ({ pathname: `/register/households/${h.id}`, search });

  const columns: TableColumnsType<HouseholdSummary> = [
    {
      title: t('unit.code'),
      dataIndex: 'unitCode',
      width: 140,
      render: (code: string, h) => (
        <Link to={to(h)} data-testid="household-link">
          {code}
        </Link>
      ),
    },
    {
      title: t('household.persons'),
      key: 'persons',
      render: (_, h) => (
        <Space size={[12, 4]} wrap>
          {h.persons.map((p) => (
            <span key={p.id}>
              <Tag>{relationLabels[p.relation] ?? p.relation}</Tag>
              {p.name} {p.phone ?? ''}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 80,
      render: (_, h) => (
        <Link to={to(h)} aria-label={`${t('register.open')} ${h.unitCode}`}>
          {t('register.open')}
        </Link>
      ),
    },
  ];

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
        <Table<HouseholdSummary>
          data-testid="search-results"
          rowKey="id"
          size="small"
          loading={res.isPending}
          columns={columns}
          dataSource={res.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('register.searchTotal', { n }) }}
          locale={{ emptyText: <Empty description={t('register.searchEmpty')} /> }}
        />
      )}
    </Card>
  );
}
