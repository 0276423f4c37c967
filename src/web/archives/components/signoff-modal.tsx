import { Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { HouseholdArchive } from '../../../domain/archives/archives.contract';
import { MANUAL_RECEIPT_ITEMS, SIGNOFF_KINDS, SIGNOFF_KIND_LABELS, type SignoffKind } from '../../../domain/archives/departments';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t, relationLabels } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateSignoff } from '../api';
import { savingOk } from '../../components/saving-ok';

interface Values {
  kind: SignoffKind;
  items: string;
  signerRole: 'household' | 'repairer';
  signerPersonId?: string;
  signerName?: string;
}

/** 签字确认 on screen: what is confirmed, who signs, the signature (ARC-5..7). */
export function SignoffModal({ archive, onClose }: { archive: HouseholdArchive; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const create = useCreateSignoff(archive.householdId);
  const kind = Form.useWatch('kind', form) ?? 'facility_opening';
  const role = Form.useWatch('signerRole', form) ?? 'household';
  const submit = async () => {
    const v = await form.validateFields();
    const signature = pad.current?.toDataURL();
    if (!signature) return;
    const items = v.items.split('\n').map((s) => s.trim()).filter(Boolean);
    create.mutate(
      { kind: v.kind, items, signerRole: v.signerRole, signerPersonId: v.signerRole === 'household' ? (v.signerPersonId ?? null) : null, signerName: v.signerRole === 'repairer' ? (v.signerName ?? null) : null, signature },
      { onSuccess: onClose, onError: (e) => applyFieldErrors(form, e, ['kind', 'items', 'signerRole', 'signerPersonId', 'signerName']) },
    );
  };
  return (
    <Modal open title={t('arc.signoffs.add')} okText={t('arc.signoffs.ok')} cancelText={t('common.cancel')} okButtonProps={savingOk(create.isPending, { disabled: !signed })} onOk={() => void submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden width={560}>
      <ActionErrorAlert error={create.error} testId="signoff-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'facility_opening', signerRole: 'household', items: '' }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind === 'manual_receipt') form.setFieldsValue({ items: MANUAL_RECEIPT_ITEMS.join('\n'), signerRole: 'household' });
          if (changed.kind && changed.kind !== 'handover_items') form.setFieldsValue({ signerRole: 'household' });
        }}
      >
        <Form.Item name="kind" label={t('arc.signoffs.kind')}>
          <Select options={SIGNOFF_KINDS.map((k) => ({ value: k, label: SIGNOFF_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="items" label={t('arc.signoffs.items')} rules={[{ required: true, message: t('arc.signoffs.items') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="signerRole" label={t('arc.signoffs.signerRole')}>
          <Radio.Group options={[{ value: 'household', label: t('arc.signoffs.household') }, ...(kind === 'handover_items' ? [{ value: 'repairer', label: t('arc.signoffs.repairer') }] : [])]} />
        </Form.Item>
        {role === 'household' ? (
          <Form.Item name="signerPersonId" label={t('arc.signoffs.person')}>
            <Select options={archive.members.map((m) => ({ value: m.id, label: `${m.name}（${relationLabels[m.relation as keyof typeof relationLabels] ?? m.relation}）` }))} />
          </Form.Item>
        ) : (
          <Form.Item name="signerName" label={t('arc.signoffs.repairerName')}>
            <Input maxLength={50} />
          </Form.Item>
        )}
      </Form>
      <Typography.Text>{t('arc.signoffs.sign')}</Typography.Text>
      <SignaturePad ref={pad} height={160} onChange={(empty) => setSigned(!empty)} aria-label={t('arc.signoffs.sign')} />
    </Modal>
  );
}
