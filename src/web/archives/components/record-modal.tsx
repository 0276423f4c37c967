import { Form, Input, Modal, Radio } from 'antd';
import type { DocumentView } from '../../../domain/archives/archives.contract';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useRecordDocument } from '../api';
import { savingOk } from '../../components/saving-ok';

interface Values {
  status: 'received' | 'missing';
  handedOverBy?: string;
  handedOverOn?: string;
  location?: string;
  note?: string;
}

/** 登记: received from whom and when, or missing; where the paper lies once bagged and filed. */
export function RecordModal({ householdId, doc, onClose }: { householdId: string; doc: DocumentView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useRecordDocument(householdId, doc.templateId);
  const status = Form.useWatch('status', form) ?? 'received';
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(
      { version: doc.version, status: v.status, handedOverBy: v.status === 'received' ? v.handedOverBy || null : null, handedOverOn: v.status === 'received' ? v.handedOverOn || null : null, location: v.status === 'received' ? v.location || null : null, note: v.note || null },
      { onSuccess: onClose, onError: (e) => applyFieldErrors(form, e, ['status', 'handedOverBy', 'handedOverOn', 'location', 'note']) },
    );
  };
  return (
    <Modal open title={t('arc.record.title', { name: doc.name })} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={savingOk(save.isPending)} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <ActionErrorAlert error={save.error} testId="record-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ status: doc.status === 'missing' && doc.version === null ? 'received' : doc.status, handedOverBy: doc.handedOverBy ?? undefined, handedOverOn: doc.handedOverOn ?? new Date().toISOString().slice(0, 10), location: doc.location ?? undefined, note: doc.note ?? undefined }}
      >
        <Form.Item name="status" label={t('arc.record.status')}>
          <Radio.Group options={[{ value: 'received', label: t('arc.received') }, { value: 'missing', label: t('arc.missing') }]} />
        </Form.Item>
        {status === 'received' && (
          <>
            <Form.Item name="handedOverBy" label={t('arc.record.handedOverBy')}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="handedOverOn" label={t('arc.record.handedOverOn')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="location" label={t('arc.record.location')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('arc.record.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
