import { Alert, Form, Input, Modal } from 'antd';
import { fieldLabels, t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useReveal, type RevealField } from '../api';
import { savingOk } from '../../components/saving-ok';

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

  // What the reason field cannot show: field errors about other parts of the request, or the message.
  const e = reveal.error;
  const other = isApiError(e) ? e.fields.filter((f) => f.path !== 'body.reason') : [];
  const errorText = !e ? null : other.length ? other.map((f) => f.message).join('；') : isApiError(e) && e.fields.length ? null : e.message;

  return (
    <Modal
      open
      title={`${t('reveal.title', { field: fieldLabels[field] })} · ${personName}`}
      okText={t('reveal.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(reveal.isPending)}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('reveal.notice')} style={{ marginBottom: 16 }} />
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />}
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
