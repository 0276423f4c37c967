import { Checkbox, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { KeyView } from '../../../domain/keys/keys.contract';
import { BORROWER_KIND_LABELS } from '../../../domain/keys/labels';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useApprovers, useKeyOwners, useLend } from '../api';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { savingOk } from '../../components/saving-ok';

interface Values {
  borrowerKind: 'owner' | 'authorised' | 'staff';
  ownerPersonId?: string;
  borrowerName?: string;
  identityChecked: boolean;
  identityDocument: string;
  authorisation?: string;
  purpose: string;
  approverId?: string;
  ownerContacted: boolean;
  contactMethod?: string;
  dueAt: string;
}

const FIELDS = ['borrowerKind', 'ownerPersonId', 'borrowerName', 'identityChecked', 'identityDocument', 'authorisation', 'purpose', 'approverId', 'ownerContacted', 'contactMethod', 'dueAt'] as const;

/** A datetime-local value (the browser's own time) some hours from now. */
function localInput(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  d.setSeconds(0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const isUnitKey = (k: KeyView) => k.kind === 'developer_held' || k.kind === 'owner_deposited';

/** 出借: the borrower, the identity check, the owner's authorisation, approver, due time, the borrower's signature. */
export function LendModal({ keyRow, onClose }: { keyRow: KeyView; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const owners = useKeyOwners(keyRow.id);
  const approvers = useApprovers(keyRow.projectId);
  const lend = useLend(keyRow.id);
  const unit = isUnitKey(keyRow);
  const kind = Form.useWatch('borrowerKind', form) ?? (unit ? 'owner' : 'staff');
  const contacted = Form.useWatch('ownerContacted', form) ?? false;
  const kinds = unit ? (['owner', 'authorised'] as const) : (['staff', 'authorised'] as const);

  const submit = async () => {
    const v = await form.validateFields();
    const signature = pad.current?.toDataURL();
    if (!signature) return;
    lend.mutate(
      {
        version: keyRow.version,
        borrowerKind: v.borrowerKind,
        ownerPersonId: unit ? (v.ownerPersonId ?? null) : null,
        borrowerName: v.borrowerKind === 'owner' ? null : (v.borrowerName ?? null),
        identityChecked: v.identityChecked === true,
        identityDocument: v.identityDocument,
        authorisation: v.authorisation || null,
        purpose: v.purpose,
        approverId: v.approverId ?? '',
        ownerContacted: v.ownerContacted === true,
        contactMethod: v.contactMethod || null,
        dueAt: new Date(v.dueAt).toISOString(),
        signature,
      },
      { onSuccess: onClose, onError: (e) => applyFieldErrors(form, e, FIELDS) },
    );
  };

  return (
    <Modal
      open
      title={t('keys.lend.title', { number: keyRow.number })}
      okText={t('keys.lend.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(lend.isPending, { disabled: !signed })}
      onOk={() => void submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={600}
    >
      {unit && <Typography.Paragraph type="secondary">{t('keys.lend.unitRule')}</Typography.Paragraph>}
      <ActionErrorAlert error={lend.error} testId="lend-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ borrowerKind: unit ? 'owner' : 'staff', identityChecked: false, identityDocument: '身份证', ownerContacted: false, dueAt: localInput(2) }}
      >
        <Form.Item name="borrowerKind" label={t('keys.lend.borrowerKind')}>
          <Radio.Group options={kinds.map((k) => ({ value: k, label: BORROWER_KIND_LABELS[k] }))} />
        </Form.Item>
        {unit && (
          <Form.Item name="ownerPersonId" label={kind === 'owner' ? t('keys.lend.owner') : t('keys.lend.ownerAuthorising')} extra={owners.data?.length === 0 ? t('keys.lend.noOwner') : undefined}>
            <Select loading={owners.isPending} options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        {kind !== 'owner' && (
          <Form.Item name="borrowerName" label={t('keys.lend.borrowerName')}>
            <Input maxLength={50} />
          </Form.Item>
        )}
        {kind === 'authorised' && (
          <Form.Item name="authorisation" label={t('keys.lend.authorisation')}>
            <Input.TextArea rows={2} maxLength={200} placeholder={t('keys.lend.authorisationPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="identityDocument" label={t('keys.lend.identityDocument')}>
          <Input maxLength={30} placeholder={t('keys.lend.identityDocumentPlaceholder')} />
        </Form.Item>
        <Form.Item name="identityChecked" valuePropName="checked">
          <Checkbox>{t('keys.lend.identityChecked')}</Checkbox>
        </Form.Item>
        <Form.Item name="purpose" label={t('keys.lend.purpose')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="approverId" label={t('keys.lend.approver')}>
          <Select loading={approvers.isPending} options={(approvers.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
        </Form.Item>
        <Form.Item name="ownerContacted" valuePropName="checked">
          <Checkbox>{t('keys.lend.ownerContacted')}</Checkbox>
        </Form.Item>
        {contacted && (
          <Form.Item name="contactMethod" label={t('keys.lend.contactMethod')}>
            <Input maxLength={50} placeholder={t('keys.lend.contactMethodPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="dueAt" label={t('keys.lend.dueAt')}>
          <Input type="datetime-local" aria-label={t('keys.lend.dueAt')} />
        </Form.Item>
        <Typography.Text>{t('keys.lend.signHint')}</Typography.Text>
        <SignaturePad ref={pad} height={160} onChange={(empty) => setSigned(!empty)} aria-label={t('keys.lend.signature')} />
      </Form>
    </Modal>
  );
}
