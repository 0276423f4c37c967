import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { KEY_KINDS } from '../../../domain/keys/kinds';
import { KEY_KIND_LABELS } from '../../../domain/keys/labels';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateKey } from '../api';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { savingOk } from '../../components/saving-ok';

interface Values {
  number: string;
  kind: (typeof KEY_KINDS)[number];
  unitCode?: string;
  label?: string;
  count: number;
  cabinetPosition: string;
}

/** 登记钥匙: number, kind, the unit for unit keys, count and where it hangs in the cabinet. */
export function KeyFormModal({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateKey();
  const kind = Form.useWatch('kind', form) ?? 'developer_held';
  const unit = kind === 'developer_held' || kind === 'owner_deposited';
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate(
      { projectId, number: v.number, kind: v.kind, unitCode: unit ? (v.unitCode ?? null) : null, label: v.label || null, count: v.count, cabinetPosition: v.cabinetPosition },
      {
        onSuccess: () => {
          message.success(t('keys.created'));
          onClose();
        },
        onError: (e) => applyFieldErrors(form, e, ['number', 'kind', 'unitCode', 'label', 'count', 'cabinetPosition']),
      },
    );
  };
  return (
    <Modal open title={t('keys.add')} okText={t('common.save')} cancelText={t('common.cancel')} okButtonProps={savingOk(create.isPending)} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <ActionErrorAlert error={create.error} testId="key-form-error" />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'developer_held', count: 1 }}>
        <Form.Item name="number" label={t('keys.form.number')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="kind" label={t('keys.form.kind')}>
          <Select options={KEY_KINDS.map((k) => ({ value: k, label: KEY_KIND_LABELS[k] }))} />
        </Form.Item>
        {unit && (
          <Form.Item name="unitCode" label={t('keys.form.unitCode')} extra={t('keys.form.unitCodeHint')}>
            <Input maxLength={30} />
          </Form.Item>
        )}
        <Form.Item name="label" label={t('keys.form.label')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="count" label={t('keys.form.count')}>
          <InputNumber min={1} max={50} />
        </Form.Item>
        <Form.Item name="cabinetPosition" label={t('keys.form.position')}>
          <Input maxLength={30} placeholder={t('keys.form.positionPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
