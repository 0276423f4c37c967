import { Card, Col, Row, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { CallClass } from '../../../../domain/calls/calls.table';
import { CLASS_LABELS } from '../../../../domain/calls/labels';
import { CLASS_MARKS } from '../format';
import type { PivotRow } from '../stats-data';
import { rt } from '../messages';
import { EChart, type ChartOption } from './echart';

/** A statistics block: the chart, and beside it the same numbers as a table. */
export function StatsCard({ title, option, table, testId }: { title: string; option: ChartOption; table: ReactNode; testId: string }) {
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <EChart option={option} label={title} />
        </Col>
        <Col xs={24} xl={10}>
          {table}
        </Col>
      </Row>
    </Card>
  );
}

/** Rows by period or district, a column per class that occurs, the row total and a 合计 line. */
export function PivotTable({ rows, classes, firstTitle }: { rows: PivotRow[]; classes: CallClass[]; firstTitle: string }) {
  const columns: TableColumnsType<PivotRow> = [
    { title: firstTitle, dataIndex: 'label', fixed: 'left' },
    ...classes.map((c) => ({ title: <span title={CLASS_LABELS[c]}>{CLASS_MARKS[c]}</span>, key: c, align: 'right' as const, render: (_: unknown, r: PivotRow) => r.counts[c] || '' })),
    { title: rt('stats.total'), dataIndex: 'total', align: 'right', render: (n: number) => <strong>{n}</strong> },
  ];
  const sum = (c: CallClass) => rows.reduce((n, r) => n + r.counts[c], 0);
  return (
    <Table<PivotRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{rt('stats.total')}</strong>
          </Table.Summary.Cell>
          {classes.map((c, i) => (
            <Table.Summary.Cell key={c} index={i + 1} align="right">
              {sum(c)}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={classes.length + 1} align="right">
            <strong>{rows.reduce((n, r) => n + r.total, 0)}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** A two-column table (label, count) with its share of the total. */
export function CountTable({ items, firstTitle }: { items: { key: string; label: string; n: number }[]; firstTitle: string }) {
  const total = items.reduce((s, i) => s + i.n, 0);
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: firstTitle, dataIndex: 'label' },
        { title: rt('stats.count'), dataIndex: 'n', align: 'right' },
        { title: '%', key: 'pct', align: 'right', render: (_: unknown, i: { n: number }) => (total ? `${((i.n / total) * 100).toFixed(1)}%` : '') },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{rt('stats.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{total}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      )}
    />
  );
}
