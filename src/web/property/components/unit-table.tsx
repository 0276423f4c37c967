import { Card, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useLocation } from 'react-router';
import { t } from '../../i18n/zh-CN';
import { useUnits, type UnitRow } from '../api';

const PAGE_SIZE = 50;

interface Props {
  projectId: string;
  buildingId?: string;
  filter: string;
  page: number;
  onFilter: (f: string) => void;
  onPage: (p: number) => void;
}

/** The units of the project or of one building, paged by the server, filterable by room code. */
export function UnitTable({ projectId, buildingId, filter, page, onFilter, onPage }: Props) {
  const { search } = useLocation();
  const units = useUnits({ projectId, buildingId, q: filter || undefined, page, pageSize: PAGE_SIZE }, true);

  const columns: TableColumnsType<UnitRow> = [
    {
      title: t('unit.code'),
      dataIndex: 'code',
      render: (code: string, u) =>
        u.householdId ? (
          <Link to={{ pathname: `/register/households/${u.householdId}`, search }} data-testid="unit-link">
            {code}
          </Link>
        ) : (
          code
        ),
    },
    { title: t('unit.floor'), dataIndex: 'floor', width: 80 },
    { title: t('unit.area'), dataIndex: 'areaM2', width: 100 },
    { title: t('unit.handover'), dataIndex: 'handoverDate', width: 120 },
    { title: t('unit.resident'), dataIndex: 'residentName', render: (n: string | null) => n ?? '—' },
    {
      title: t('unit.status'),
      dataIndex: 'householdId',
      width: 90,
      render: (h: string | null) => (h ? <Tag color="green">{t('unit.occupied')}</Tag> : <Tag>{t('register.vacant')}</Tag>),
    },
  ];

  return (
    <Card
      size="small"
      title={t('register.units')}
      extra={
        <Input.Search
          key={filter}
          size="small"
          allowClear
          style={{ width: 220 }}
          aria-label={t('register.unitFilter')}
          placeholder={t('register.unitFilter')}
          defaultValue={filter}
          onSearch={(v) => onFilter(v.trim())}
        />
      }
    >
      {units.isError ? (
        <Typography.Text type="danger">{units.error.message}</Typography.Text>
      ) : (
        <Table<UnitRow>
          rowKey="id"
          size="small"
          data-testid="unit-table"
          loading={units.isFetching}
          columns={columns}
          dataSource={units.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: units.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => <span data-testid="unit-total">{t('register.unitsTotal', { n })}</span>,
            onChange: onPage,
          }}
        />
      )}
    </Card>
  );
}
