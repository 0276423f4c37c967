import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n/zh-CN';
import { useActionError } from '../../lib/use-action-error';
import { DEPARTMENTS, DEPARTMENT_LABELS, type Department } from '../../../domain/shared/departments';
import { useRecordComplaint } from '../api';
import type { Complaint } from '../../../domain/complaints/complaints.contract';

interface Values {
  complainantName?: string;
  complainantPhone?: string;
  place: string;
  department: Department;
  aboutPerson?: string;
  content?: string;
  wants: string;
  wantedBy?: Dayjs;
  cause?: string;
}
const FIELDS = ['complainantName', 'complainantPhone', 'place', 'department', 'aboutPerson', 'content', 'wants', 'wantedBy', 'cause', 'callId'] as const;

/** 登记投诉 (COMP-1): at once, at the desk; from a call already recorded as a complaint when `callId` is given (CALL-8). */
export function RecordComplaintModal({ projectId, callId, onClose, onDone }: { projectId: string; callId?: string; onClose: () => void; onDone: (c: Complaint) => void }) {
  const record = useRecordComplaint();
  const fail = useActionError();
  const fromCall = Boolean(callId);
  return (
    <FormModal<Values>
      title={t('complaints.new')}
      loading={record.isPending}
      onCancel={onClose}
      onSubmit={(v, form) =>
        record.mutate(
          {
            projectId,
            callId,
            complainantName: v.complainantName || undefined,
            complainantPhone: v.complainantPhone || undefined,
            place: v.place,
            department: v.department,
            aboutPerson: v.aboutPerson || undefined,
            content: v.content || undefined,
            wants: v.wants,
            wantedBy: v.wantedBy ? v.wantedBy.toISOString() : undefined,
            cause: v.cause || undefined,
          },
          { onSuccess: onDone, onError: (e) => fail(e, { form, fields: FIELDS }) },
        )
      }
    >
      {!fromCall && (
        <>
          <Form.Item name="complainantName" label={t('complaints.complainant')} rules={[{ required: true, message: t('complaints.complainant') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="complainantPhone" label={t('complaints.phone')}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </>
      )}
      <Form.Item name="department" label={t('complaints.department')} rules={[{ required: true, message: t('complaints.departmentRequired') }]}>
        <Select aria-label={t('complaints.department')} options={DEPARTMENTS.map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }))} />
      </Form.Item>
      <Form.Item name="aboutPerson" label={t('complaints.aboutPerson')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="place" label={t('complaints.place')} rules={[{ required: true, message: t('complaints.placeRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="content" label={t('complaints.content')} rules={fromCall ? [] : [{ required: true, message: t('complaints.contentRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="wants" label={t('complaints.wants')} rules={[{ required: true, message: t('complaints.wantsRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="wantedBy" label={t('complaints.wantedBy')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
