import { Alert, Form, Input, Modal } from 'antd';
import { fieldLabels, t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useReveal, type RevealField } from '../api';

interface Props {
  personId: string;
  personName: string;
  field: RevealField;
  onClose: () => void;
  onRevealed: (value: string) => void;
}

/** ARC-11/12: asks why before the server shows one unmasked value, and the server audits it. */
export function RevealModal({ personId, personName, field, onClose, onRevealed }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useReveal();

  const submit = async () => {
    const { reason } = await form.validateFields();
    reveal.mutate(
      { personId, field, reason: reason.trim() },
      {
        onSuccess: (res) => onRevealed(res.value),
        onError: (e) => applyFieldErrors(form, e, ['reason']),
      },
    );
  };

  const error = reveal.error && !(isApiError(reveal.error) && reveal.error.code === 'VALIDATION_FAILED' && reveal.error.fields.some((f) => f.path === 'body.reason'));

  return (
    <Modal
      open
      title={`${t('reveal.title', { field: fieldLabels[field] })} · ${personName}`}
      okText={t('reveal.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={reveal.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('reveal.notice')} style={{ marginBottom: 16 }} />
      {error && reveal.error && <Alert type="error" showIcon title={reveal.error.message} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="reason"
          label={t('reveal.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('reveal.reasonRequired') }]}
        >
          <Input autoFocus maxLength={200} placeholder={t('reveal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
