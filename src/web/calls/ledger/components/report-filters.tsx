import { DatePicker, Form, Select } from 'antd';
import type { ReactNode } from 'react';
import type { CallClass, CallStatus } from '../../../../domain/calls/calls.table';
import { useProjectTree } from '../../../lib/project-tree';
import { classOptions, statusOptions, type DayRange } from '../format';
import { rt } from '../messages';

export interface FilterValues {
  range: DayRange | null;
  class?: CallClass;
  districtId?: string;
  status?: CallStatus;
}

interface Props {
  projectId: string | undefined;
  value: FilterValues;
  onChange: (v: FilterValues) => void;
  showStatus?: boolean;
  /** Controls of the page placed after the filters (rows per page, buttons). */
  children?: ReactNode;
}

/** The filters the reports share: date range (whole days), class, district and optionally status. Applied at once. */
export function ReportFilters({ projectId, value, onChange, showStatus, children }: Props) {
  const tree = useProjectTree(projectId);
  const districtOptions = (tree.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <Form layout="inline" className="no-print" style={{ rowGap: 8, marginBottom: 16 }}>
      <Form.Item label={rt('filter.range')}>
        <DatePicker.RangePicker
          value={value.range}
          allowClear
          onChange={(r) => onChange({ ...value, range: r && r[0] && r[1] ? [r[0], r[1]] : null })}
        />
      </Form.Item>
      <Form.Item label={rt('filter.class')}>
        <Select<CallClass>
          aria-label={rt('filter.class')}
          style={{ width: 130 }}
          allowClear
          placeholder={rt('filter.all')}
          options={classOptions}
          value={value.class}
          onChange={(c) => onChange({ ...value, class: c ?? undefined })}
        />
      </Form.Item>
      <Form.Item label={rt('filter.district')}>
        <Select<string>
          aria-label={rt('filter.district')}
          style={{ width: 130 }}
          allowClear
          placeholder={rt('filter.allDistricts')}
          loading={tree.isPending && Boolean(projectId)}
          options={districtOptions}
          value={value.districtId}
          onChange={(d) => onChange({ ...value, districtId: d ?? undefined })}
        />
      </Form.Item>
      {showStatus && (
        <Form.Item label={rt('filter.status')}>
          <Select<CallStatus>
            aria-label={rt('filter.status')}
            style={{ width: 130 }}
            allowClear
            placeholder={rt('filter.all')}
            options={statusOptions}
            value={value.status}
            onChange={(s) => onChange({ ...value, status: s ?? undefined })}
          />
        </Form.Item>
      )}
      {children}
    </Form>
  );
}
