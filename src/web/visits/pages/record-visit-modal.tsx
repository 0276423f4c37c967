import { Alert, Form, Input, Modal, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { SignaturePad, type SignaturePadHandle } from '../../components/signature-pad';
import { t } from '../../i18n/zh-CN';
import { useActionError } from '../../lib/use-action-error';
import { VISIT_METHOD_LABELS, VISIT_RATING_LABELS } from '../../../domain/visits/labels';
import { VISIT_METHODS, VISIT_RATINGS, type VisitMethod, type VisitRating } from '../../../domain/visits/visits.table';
import type { Visit } from '../../../domain/visits/visits.contract';
import { useRecordVisit } from '../api';
import { savingOk } from '../../components/saving-ok';

interface Values {
  rating: VisitRating;
  comments?: string;
  method: VisitMethod;
}

/** 记录回访 (VISIT-3): rating, comments, by phone or in person — in person the household signs on the screen. */
export function RecordVisitModal({ visit, onClose }: { visit: Visit; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const pad = useRef<SignaturePadHandle>(null);
  const [signed, setSigned] = useState(false);
  const [sigError, setSigError] = useState(false);
  const method = Form.useWatch('method', form);
  const rating = Form.useWatch('rating', form);
  const record = useRecordVisit(visit.id);
  const fail = useActionError();

  const submit = (v: Values) => {
    const signature = v.method === 'in_person' ? pad.current?.toDataURL() : undefined;
    if (v.method === 'in_person' && !signature) {
      setSigError(true);
      return;
    }
    record.mutate(
      { version: visit.version, rating: v.rating, comments: v.comments || undefined, method: v.method, signature: signature ?? undefined },
      { onSuccess: onClose, onError: (e) => fail(e, { form, fields: ['rating', 'comments', 'method'], onConflict: onClose }) },
    );
  };

  return (
    <Modal
      open
      title={`${t('visits.record')} · ${visit.subjectNumber}`}
      okText={t('visits.record')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(record.isPending)}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{visit.summary}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ method: 'phone' }} onFinish={submit}>
        <Form.Item name="rating" label={t('visits.rating')} rules={[{ required: true, message: t('visits.ratingRequired') }]}>
          <Radio.Group optionType="button" options={VISIT_RATINGS.map((r) => ({ value: r, label: VISIT_RATING_LABELS[r] }))} />
        </Form.Item>
        {rating === 'unsatisfied' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('visits.unsatisfiedHint')} />}
        <Form.Item name="comments" label={t('visits.comments')} rules={rating === 'unsatisfied' ? [{ required: true, message: t('visits.commentsUnsatisfied') }] : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="method" label={t('visits.method')} rules={[{ required: true, message: t('visits.methodRequired') }]}>
          <Radio.Group options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))} />
        </Form.Item>
        {method === 'in_person' && (
          <Form.Item label={t('visits.signature')} required validateStatus={sigError && !signed ? 'error' : undefined} help={sigError && !signed ? t('visits.signatureRequired') : undefined}>
            <SignaturePad ref={pad} height={160} onChange={(empty) => setSigned(!empty)} aria-label={t('visits.signature')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
