import { Form, Input, Modal } from 'antd';
import type { LoanView } from '../../../domain/keys/keys.contract';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useReturn } from '../api';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { savingOk } from '../../components/saving-ok';

/** 归还: who handed the key in; the signed-in user receives it. */
export function ReturnModal({ loan, onClose }: { loan: LoanView; onClose: () => void }) {
  const [form] = Form.useForm<{ returnedByName: string }>();
  const back = useReturn(loan.id);
  const submit = async () => {
    const v = await form.validateFields();
    back.mutate({ version: loan.version, returnedByName: v.returnedByName }, { onSuccess: onClose, onError: (e) => applyFieldErrors(form, e, ['returnedByName']) });
  };
  return (
    <Modal open title={t('keys.return.title', { number: loan.keyNumber })} okText={t('keys.return.ok')} cancelText={t('common.cancel')} okButtonProps={savingOk(back.isPending)} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <ActionErrorAlert error={back.error} testId="return-error" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="returnedByName" label={t('keys.return.by')} rules={[{ required: true, message: t('keys.return.by') }]}>
          <Input maxLength={50} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
