import { App, Button, Form, Input, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { CLASS_LABELS } from '../../../domain/calls/labels';
import { t } from '../../i18n/zh-CN';
import { useAssignees, useCallAction, useVendors } from '../api';
import type { CallClass } from '../../../domain/calls/calls.table';
import type { CallDetail, DispatchResult } from '../../../domain/work-orders/call-views.contract';
import type { DispatchBody, ReclassifyBody } from '../../../domain/calls/calls.contract';
import { AnswerCloseDialog, CloseDialog } from './close-dialog';
import { FormModal } from '../../components/form-modal';
import { useActionError } from '../../lib/use-action-error';

type Dialog = 'dispatch' | 'chase' | 'reclassify' | 'resolve' | 'reopen' | 'close' | 'answerClose';
type Target = 'technician' | 'engineer' | 'vendor';
const CLASSES = Object.keys(CLASS_LABELS) as CallClass[];
const OPEN_STEPS = new Set(['assigned', 'accepted', 'on_site']);

/** The classes this user may move the record to, from the record's own abilities (never a local copy of the rule). */
function allowedClasses(call: CallDetail): CallClass[] {
  const a = call.abilities;
  return CLASSES.filter((c) => c !== call.class && (c === 'Z' ? a.markZ : c === 'Q' || c === 'GT' ? a.markQGT : a.markOther));
}

function DispatchDialog({ call, onClose }: { call: CallDetail; onClose: () => void }) {
  const [target, setTarget] = useState<Target>(call.class === 'Z' ? 'engineer' : call.class === 'Q' ? 'vendor' : 'technician');
  const technicians = useAssignees(call.projectId, 'normal', target === 'technician');
  const engineers = useAssignees(call.projectId, 'Z', target === 'engineer');
  const vendors = useVendors(call.projectId, target === 'vendor');
  const dispatch = useCallAction<DispatchBody, DispatchResult>(call.id, 'dispatch');
  const fail = useActionError();
  const { message } = App.useApp();
  const options =
    target === 'vendor'
      ? (vendors.data ?? []).map((v) => ({ value: v.id, label: `${v.name}（${v.contactName ?? ''} ${v.contactPhoneMasked ?? ''}）` }))
      : ((target === 'engineer' ? engineers.data : technicians.data) ?? []).map((a) => ({ value: a.id, label: a.displayName }));
  return (
    <FormModal<{ who: string; note?: string }>
      title={t('action.dispatch')}
      loading={dispatch.isPending}
      onCancel={onClose}
      onSubmit={(v, form) =>
        dispatch.mutate(
          { version: call.version, ...(target === 'vendor' ? { vendorId: v.who } : { assigneeId: v.who }), note: v.note?.trim() || undefined },
          {
            onSuccess: () => {
              message.success(t('action.done'));
              onClose();
            },
            onError: (e) => fail(e, { form, fields: ['note'], onConflict: onClose }),
          },
        )
      }
    >
      <Form.Item label={t('dispatch.target')}>
        <Segmented<Target>
          value={target}
          onChange={setTarget}
          options={[
            { value: 'technician', label: t('dispatch.technician') },
            { value: 'engineer', label: t('dispatch.engineer') },
            { value: 'vendor', label: t('dispatch.vendor') },
          ]}
        />
      </Form.Item>
      <Form.Item name="who" rules={[{ required: true, message: t('dispatch.whoRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} aria-label={t('dispatch.target')} options={options} key={target} />
      </Form.Item>
      <Form.Item name="note" label={t('dispatch.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function TextDialog(props: { call: CallDetail; kind: 'chase' | 'resolve' | 'reopen'; onClose: () => void }) {
  const { call, kind, onClose } = props;
  const field = { chase: 'note', resolve: 'note', reopen: 'reason' }[kind];
  const label = { chase: t('chase.note'), resolve: t('resolve.note'), reopen: t('reopen.reason') }[kind];
  const required = kind === 'resolve' ? t('resolve.noteRequired') : kind === 'reopen' ? t('reopen.reasonRequired') : null;
  const action = useCallAction<Record<string, string | number | undefined>, unknown>(call.id, kind);
  const fail = useActionError();
  const { message } = App.useApp();
  return (
    <FormModal<Record<string, string>>
      title={t(`action.${kind}`)}
      loading={action.isPending}
      onCancel={onClose}
      onSubmit={(v, form) =>
        action.mutate(kind === 'chase' ? { note: v[field]?.trim() || undefined } : { version: call.version, [field]: v[field].trim() }, {
          onSuccess: () => {
            message.success(kind === 'chase' ? t('chase.done') : t('action.done'));
            onClose();
          },
          onError: (e) => fail(e, { form, fields: [field], onConflict: onClose }),
        })
      }
    >
      <Form.Item name={field} label={label} rules={required ? [{ required: true, whitespace: true, min: 2, message: required }] : []}>
        <Input.TextArea rows={3} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

function ReclassifyDialog({ call, onClose }: { call: CallDetail; onClose: () => void }) {
  const action = useCallAction<ReclassifyBody>(call.id, 'reclassify');
  const fail = useActionError();
  const { message } = App.useApp();
  return (
    <FormModal<{ class: CallClass; reason: string }>
      title={t('action.reclassify')}
      loading={action.isPending}
      onCancel={onClose}
      onSubmit={(v, form) =>
        action.mutate(
          { version: call.version, class: v.class, reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(t('action.done'));
              onClose();
            },
            onError: (e) => fail(e, { form, fields: ['class', 'reason'], onConflict: onClose }),
          },
        )
      }
    >
      <Form.Item name="class" label={t('reclassify.class')} rules={[{ required: true, message: t('reclassify.class') }]}>
        <Select aria-label={t('reclassify.class')} options={allowedClasses(call).map((c) => ({ value: c, label: CLASS_LABELS[c] }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('reclassify.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('reclassify.reasonRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The record's actions, each shown only when the server's abilities for this user and record allow it. */
export function CallActions({ call }: { call: CallDetail }) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const a = call.abilities;
  const chaseable = call.workOrders.some((w) => OPEN_STEPS.has(w.status));
  const close = () => setOpen(null);
  return (
    <>
      <Space wrap data-testid="call-actions">
        {a.dispatch && <Button onClick={() => setOpen('dispatch')}>{t('action.dispatch')}</Button>}
        {a.chase && chaseable && <Button onClick={() => setOpen('chase')}>{t('action.chase')}</Button>}
        {allowedClasses(call).length > 0 && <Button onClick={() => setOpen('reclassify')}>{t('action.reclassify')}</Button>}
        {a.answerClose && call.workOrders.length === 0 && (
          <Button type="primary" onClick={() => setOpen('answerClose')}>
            {t('answerClose.title')}
          </Button>
        )}
        {a.resolve && <Button onClick={() => setOpen('resolve')}>{t('action.resolve')}</Button>}
        {a.reopen && <Button onClick={() => setOpen('reopen')}>{t('action.reopen')}</Button>}
        {a.close && (
          <Button type="primary" onClick={() => setOpen('close')}>
            {t('action.close')}
          </Button>
        )}
      </Space>
      {open === 'dispatch' && <DispatchDialog call={call} onClose={close} />}
      {(open === 'chase' || open === 'resolve' || open === 'reopen') && <TextDialog call={call} kind={open} onClose={close} />}
      {open === 'reclassify' && <ReclassifyDialog call={call} onClose={close} />}
      {open === 'close' && <CloseDialog call={call} onClose={close} />}
      {open === 'answerClose' && <AnswerCloseDialog call={call} onClose={close} />}
    </>
  );
}
