import { Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { CALL_STATUS_LABELS, CLASS_LABELS } from '../../../../domain/calls/labels';
import { useProject } from '../../../lib/project-context';
import { ErrorResult } from '../../../components/error-result';
import { useStats } from '../api';
import type { GroupBy } from '../../../../domain/calls/ledger.contract';
import { ReportFilters } from '../components/report-filters';
import { CountTable, PivotTable, StatsCard } from '../components/stats-card';
import { CLASS_ORDER, dayRangeToIso, thisMonth } from '../format';
import { rt } from '../messages';
import { classesIn, classPie, pivotDistricts, pivotPeriods, stackedBars, statusPie } from '../stats-data';
import { useFilterParams } from '../use-filter-params';

const GROUPS: GroupBy[] = ['day', 'week', 'month'];
const isGroup = (v: string | null): v is GroupBy => v !== null && (GROUPS as string[]).includes(v);

/** 来电统计: by day/week/month and class, by district, by status; each chart with its numbers beside it. */
export function StatsPage() {
  const { current } = useProject();
  // The same default period as the ledger (this month so far): the two pages agree on the figures they open with.
  const { filters, setFilters, setExtra, params } = useFilterParams(thisMonth);
  const g = params.get('groupBy');
  const groupBy: GroupBy = isGroup(g) ? g : 'day';
  const stats = useStats(current ? { projectId: current.id, groupBy, ...dayRangeToIso(filters.range), class: filters.class, districtId: filters.districtId, status: filters.status } : null);

  const view = useMemo(() => {
    const s = stats.data;
    if (!s) return null;
    const periods = pivotPeriods(s, filters.range, groupBy);
    const districts = pivotDistricts(s);
    const classes = classesIn([...periods, ...districts]);
    return {
      totals: s.totals,
      periods,
      districts,
      classes,
      periodChart: stackedBars(periods, classes),
      districtChart: stackedBars(districts, classes, true),
      classChart: classPie(s),
      statusChart: statusPie(s),
      statusItems: s.byStatus.map((x) => ({ key: x.status, label: CALL_STATUS_LABELS[x.status], n: x.n })),
    };
  }, [stats.data, filters.range, groupBy]);

  if (!current) return <Empty description={rt('filter.noProject')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {rt('stats.title')}
      </Typography.Title>
      <ReportFilters projectId={current.id} value={filters} onChange={(v) => setFilters(v)} showStatus>
        <Segmented<GroupBy>
          aria-label={rt('stats.period')}
          value={groupBy}
          onChange={(v) => setExtra({ groupBy: v === 'day' ? undefined : v })}
          options={GROUPS.map((k) => ({ value: k, label: rt(`stats.${k}`) }))}
        />
      </ReportFilters>
      {stats.isError ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !view ? (
        <Spin style={{ display: 'block', padding: 48 }} />
      ) : view.totals.total === 0 ? (
        <Empty description={rt('stats.empty')} />
      ) : (
        <Spin spinning={stats.isFetching}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <StatsCard
              testId="stats-period"
              title={rt('stats.byPeriod')}
              option={view.periodChart}
              table={<PivotTable rows={view.periods.filter((r) => r.total > 0)} classes={view.classes} firstTitle={rt('stats.period')} />}
            />
            <StatsCard
              testId="stats-class"
              title={rt('stats.byClass')}
              option={view.classChart}
              table={<CountTable firstTitle={rt('filter.class')} items={CLASS_ORDER.filter((c) => view.totals[c] > 0).map((c) => ({ key: c, label: CLASS_LABELS[c], n: view.totals[c] }))} />}
            />
            <StatsCard
              testId="stats-district"
              title={rt('stats.byDistrict')}
              option={view.districtChart}
              table={<PivotTable rows={view.districts} classes={view.classes} firstTitle={rt('filter.district')} />}
            />
            <StatsCard testId="stats-status" title={rt('stats.byStatus')} option={view.statusChart} table={<CountTable firstTitle={rt('filter.status')} items={view.statusItems} />} />
          </Space>
        </Spin>
      )}
    </Space>
  );
}
