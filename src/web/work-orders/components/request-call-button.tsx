import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useRequestCall } from '../api';

/** ARC-11: the doer never sees the household's number; the front desk calls on his behalf. */
export function RequestCallButton({ workOrderId }: { workOrderId: string }) {
  const [open, setOpen] = useState(false);
  const request = useRequestCall(workOrderId);
  const { message } = App.useApp();
  return (
    <>
      <Button block size="large" icon={<PhoneOutlined />} onClick={() => setOpen(true)} style={{ height: 52 }}>
        {t('tasks.requestCall')}
      </Button>
      {open && (
        <FormModal<{ note: string }>
          title={t('tasks.requestCall')}
          loading={request.isPending}
          onCancel={() => setOpen(false)}
          onSubmit={(v, form) =>
            request.mutate(v.note.trim(), {
              onSuccess: () => {
                message.success(t('tasks.requestCallDone'));
                setOpen(false);
              },
              onError: (e) => {
                if (isApiError(e) && e.fields.length) form.setFields([{ name: 'note', errors: e.fields.map((f) => f.message) }]);
                else message.error(isApiError(e) ? e.message : t('error.unknown'));
              },
            })
          }
        >
          <Form.Item name="note" label={t('tasks.requestCallNote')} rules={[{ required: true, whitespace: true, min: 2, message: t('tasks.requestCallNoteRequired') }]}>
            <Input.TextArea rows={3} maxLength={300} autoFocus />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
