import { Form, Input, Modal, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { KeyView } from '../../../domain/keys/keys.contract';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useHandover, useKeyOwners } from '../api';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { savingOk } from '../../components/saving-ok';

/** 二次装修移交: the unit's keys go to the owner, who signs for them. */
export function HandoverModal({ keyRow, onClose }: { keyRow: KeyView; onClose: () => void }) {
  const [form] = Form.useForm<{ ownerPersonId?: string; renovationRef: string }>();
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const owners = useKeyOwners(keyRow.id);
  const handover = useHandover(keyRow.id);
  const submit = async () => {
    const v = await form.validateFields();
    const signature = pad.current?.toDataURL();
    if (!signature) return;
    handover.mutate({ version: keyRow.version, ownerPersonId: v.ownerPersonId ?? '', renovationRef: v.renovationRef, signature }, { onSuccess: onClose, onError: (e) => applyFieldErrors(form, e, ['ownerPersonId', 'renovationRef']) });
  };
  return (
    <Modal open title={t('keys.handover.title', { number: keyRow.number })} okText={t('keys.handover.ok')} cancelText={t('common.cancel')} okButtonProps={savingOk(handover.isPending, { disabled: !signed })} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden width={560}>
      <ActionErrorAlert error={handover.error} testId="handover-error" />
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="ownerPersonId" label={t('keys.handover.owner')}>
          <Select loading={owners.isPending} options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="renovationRef" label={t('keys.handover.renovationRef')}>
          <Input maxLength={100} placeholder={t('keys.handover.renovationRefPlaceholder')} />
        </Form.Item>
      </Form>
      <Typography.Text>{t('keys.handover.sign')}</Typography.Text>
      <SignaturePad ref={pad} height={160} onChange={(empty) => setSigned(!empty)} aria-label={t('keys.handover.sign')} />
    </Modal>
  );
}
