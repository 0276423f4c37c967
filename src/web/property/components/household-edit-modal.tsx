import { App, DatePicker, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { propertyKeys, useUpdateHousehold, type Household } from '../api';
import { savingOk } from '../../components/saving-ok';

interface Values {
  movedInAt: Dayjs | null;
  movedOutAt: Dayjs | null;
  note: string;
}

/**
 * Move-in date and note, saved with the record's version; a stale version is refreshed and explained.
 * Loaded only when opened (the date picker is heavy and most look-ups never edit).
 */
export function HouseholdEditModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateHousehold(household.id);
  const qc = useQueryClient();
  const { message } = App.useApp();

  const onFinish = (v: Values) =>
    update.mutate(
      {
        version: household.version,
        movedInAt: v.movedInAt ? v.movedInAt.format('YYYY-MM-DD') : null,
        movedOutAt: v.movedOutAt ? v.movedOutAt.format('YYYY-MM-DD') : null,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          void qc.invalidateQueries({ queryKey: propertyKeys.history(household.id) });
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409) {
            message.error(t('error.conflict'));
            void qc.invalidateQueries({ queryKey: propertyKeys.household(household.id) });
            onClose();
          } else if (!applyFieldErrors(form, e, ['movedInAt', 'movedOutAt', 'note'])) {
            message.error(isApiError(e) ? e.message : t('error.unknown'));
          }
        },
      },
    );

  return (
    <Modal
      open
      title={t('household.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(update.isPending)}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          movedInAt: household.movedInAt ? dayjs(household.movedInAt) : null,
          movedOutAt: household.movedOutAt ? dayjs(household.movedOutAt) : null,
          note: household.note ?? '',
        }}
      >
        <Form.Item name="movedInAt" label={t('household.movedIn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="movedOutAt" label={t('household.movedOut')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('household.note')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
