import { Alert, Button, Modal, Result, Typography } from 'antd';
import { useRef, useState } from 'react';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t } from '../../i18n/zh-CN';
import { useCallAction } from '../api';
import type { CloseBody } from '../../../domain/calls/calls.contract';
import type { CallDetail } from '../../../domain/work-orders/call-views.contract';
import type { CallRecord } from '../../../domain/calls/call-record.contract';
import { useActionError } from '../../lib/use-action-error';

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
      okButtonProps={{ disabled: !signed }}
      confirmLoading={action.isPending}
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
