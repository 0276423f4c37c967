import { Alert, Button, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { REPLY_CHANNEL_LABELS } from '../../../domain/calls/labels';
import { useRef, useState } from 'react';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t } from '../../i18n/zh-CN';
import { useCallAction } from '../api';
import type { AnswerCloseBody, CloseBody } from '../../../domain/calls/calls.contract';
import type { CallDetail } from '../../../domain/work-orders/call-views.contract';
import type { CallRecord } from '../../../domain/calls/call-record.contract';
import { useActionError } from '../../lib/use-action-error';
import { savingOk } from '../../components/saving-ok';

/** The household has been told how it ended: a final reply at or after the work was done. */
const toldAfterResolution = (call: CallDetail) => call.replies.some((r) => r.final && (!call.resolvedAt || r.at >= call.resolvedAt));

/** 签字、编号、销项 (CALL-3): the closer signs on screen; the server numbers the close-out. */
export function CloseDialog({ call, onClose }: { call: CallDetail; onClose: () => void }) {
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const [closed, setClosed] = useState<CallRecord | null>(null);
  const action = useCallAction<CloseBody>(call.id, 'close');
  const fail = useActionError();

  const submit = () => {
    const signature = pad.current?.toDataURL();
    if (!signature) return;
    action.mutate({ version: call.version, signature }, { onSuccess: setClosed, onError: (e) => fail(e, { onConflict: onClose }) });
  };

  if (closed) {
    return (
      <Modal open title={t('close.title')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.ok')}</Button>}>
        <Result
          status="success"
          title={t('close.done', { number: closed.closeNumber ?? '' })}
          subTitle={<Typography.Text copyable data-testid="close-number">{closed.closeNumber}</Typography.Text>}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('close.title')}
      okText={t('close.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(action.isPending, { disabled: !signed })}
      onOk={submit}
      onCancel={onClose}
      // A stroke that runs off the pad must not close the dialog and lose the signature.
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
    >
      {!toldAfterResolution(call) && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('call.needFinalReply')} />}
      <Typography.Paragraph>{t('close.hint')}</Typography.Paragraph>
      <SignaturePad ref={pad} onChange={(empty) => setSigned(!empty)} />
    </Modal>
  );
}

type Channel = AnswerCloseBody['channel'];
const CHANNELS = Object.keys(REPLY_CHANNEL_LABELS) as Channel[];

/**
 * 当场答复并销项 (issue 13): a question answered while the household is on the line is replied to, marked done and
 * signed off in this one dialog; the server does the three in one transaction and numbers the close-out (CALL-3).
 */
export function AnswerCloseDialog({ call, onClose, onDone }: { call: Pick<CallRecord, 'id' | 'version' | 'channel'>; onClose: () => void; onDone?: (closed: CallRecord) => void }) {
  const pad = useRef<SignaturePadHandle>(null);
  const [form] = Form.useForm<{ channel: Channel; content: string }>();
  const [signed, setSigned] = useState(false);
  const [closed, setClosed] = useState<CallRecord | null>(null);
  const action = useCallAction<AnswerCloseBody>(call.id, 'answer-close');
  const fail = useActionError();

  const submit = (v: { channel: Channel; content: string }) => {
    const signature = pad.current?.toDataURL();
    if (!signature) return;
    action.mutate({ version: call.version, channel: v.channel, content: v.content.trim(), signature }, { onSuccess: (c) => { setClosed(c); onDone?.(c); }, onError: (e) => fail(e, { form, fields: ['channel', 'content'], onConflict: onClose }) });
  };

  if (closed) {
    return (
      <Modal open title={t('answerClose.title')} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.ok')}</Button>}>
        <Result status="success" title={t('close.done', { number: closed.closeNumber ?? '' })} subTitle={<Typography.Text copyable data-testid="close-number">{closed.closeNumber}</Typography.Text>} />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={t('answerClose.title')}
      okText={t('answerClose.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(action.isPending, { disabled: !signed })}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} name="answerClose" layout="vertical" initialValues={{ channel: call.channel === 'visit' ? 'visit' : 'phone', content: '' }} onFinish={submit}>
        <Form.Item name="channel" label={t('reply.channel')} style={{ marginBottom: 8 }}>
          <Select aria-label={t('reply.channel')} style={{ width: 120 }} options={CHANNELS.map((c) => ({ value: c, label: REPLY_CHANNEL_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="content" label={t('answerClose.content')} rules={[{ required: true, whitespace: true, min: 2, message: t('reply.contentRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
      <Typography.Paragraph>{t('answerClose.hint')}</Typography.Paragraph>
      <SignaturePad ref={pad} onChange={(empty) => setSigned(!empty)} />
    </Modal>
  );
}
