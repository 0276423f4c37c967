import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { FormModal } from '../../components/form-modal';
import { NotFoundPage } from '../../components/not-found-page';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';
import { DEPARTMENT_LABELS } from '../../../domain/shared/departments';
import { CONTACT_FORM_STATUS_LABELS } from '../../../domain/contact-forms/labels';
import type { ContactFormDetail } from '../../../domain/contact-forms/contact-forms.contract';
import { useContactForm, useContactFormStep } from '../api';
import { savingOk } from '../../components/saving-ok';

const fmt = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '');
/** On paper only the form itself: the menu, the header and the buttons stay on the screen. */
const PRINT_CSS = '@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .ant-layout-content { padding: 0 !important; } .print-title { display: block !important; } }';

function Actions({ f }: { f: ContactFormDetail }) {
  const stepper = useContactFormStep(f.id);
  const fail = useActionError();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'reply' | 'close' | null>(null);
  const run = (step: 'sign' | 'reply' | 'close', body: { reply?: string; note?: string }, form?: FormInstance, fields?: readonly string[]) =>
    stepper.mutate(
      { step, body: { version: f.version, ...body } },
      {
        onSuccess: () => {
          setDialog(null);
          message.success(t('common.saved'));
        },
        onError: (e) => fail(e, { form, fields, onConflict: () => setDialog(null) }),
      },
    );
  return (
    <Space wrap className="no-print">
      {f.abilities.sign && (
        <Button type="primary" {...savingOk(stepper.isPending)} onClick={() => run('sign', {})} data-testid="contact-form-sign">
          {t('contactForms.sign')}
        </Button>
      )}
      {f.abilities.reply && (
        <Button type="primary" onClick={() => setDialog('reply')} data-testid="contact-form-reply">
          {t('contactForms.doReply')}
        </Button>
      )}
      {f.abilities.close && (
        <Button type="primary" onClick={() => setDialog('close')} data-testid="contact-form-close">
          {t('contactForms.close')}
        </Button>
      )}
      <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
        {t('contactForms.print')}
      </Button>
      {dialog === 'reply' && (
        <FormModal<{ reply: string }> title={t('contactForms.doReply')} loading={stepper.isPending} onCancel={() => setDialog(null)} onSubmit={(v, form) => run('reply', { reply: v.reply }, form, ['reply'])}>
          <Form.Item name="reply" label={t('contactForms.reply')} rules={[{ required: true, message: t('contactForms.replyRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'close' && (
        <FormModal<{ note?: string }> title={t('contactForms.close')} loading={stepper.isPending} onCancel={() => setDialog(null)} onSubmit={(v, form) => run('close', { note: v.note || undefined }, form, ['note'])}>
          <Form.Item name="note" label={t('contactForms.closeNote')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** One 《工作联系单》, laid out to print: sender, receiver, what is asked, by when, the reply and the confirmation. */
export function ContactFormDetailPage() {
  const { id } = useParams();
  const q = useContactForm(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return isApiError(q.error) && q.error.status === 404 ? <NotFoundPage /> : <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  const signed = (name: string | null, at: string | null) => (name ? `${name}  ${fmt(at)}` : '');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <style>{PRINT_CSS}</style>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Link to="/contact-forms" aria-label={t('contactForms.back')} className="no-print">
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-form-number">
            {t('contactForms.printTitle')} {f.number}
          </Typography.Title>
          <Tag data-testid="contact-form-status">{CONTACT_FORM_STATUS_LABELS[f.status]}</Tag>
          <span className="no-print">
            <Countdown sla={f.sla} strong />
          </span>
        </Space>
        <Actions f={f} />
      </Space>
      <Card size="small">
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'from', label: t('contactForms.from'), children: DEPARTMENT_LABELS[f.fromDepartment] },
            { key: 'to', label: t('contactForms.to'), children: DEPARTMENT_LABELS[f.toDepartment] },
            { key: 'sent', label: t('contactForms.sentBy'), children: signed(f.sentByName, f.createdAt) },
            { key: 'due', label: t('contactForms.dueAt'), children: fmt(f.dueAt) },
            { key: 'subject', label: t('contactForms.subject'), span: 2, children: f.subject },
            { key: 'details', label: t('contactForms.details'), span: 2, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{f.details}</Typography.Text> },
            { key: 'result', label: t('contactForms.requiredResult'), span: 2, children: f.requiredResult },
            { key: 'signed', label: t('contactForms.signedBy'), span: 2, children: signed(f.signedByName, f.signedAt) },
            { key: 'reply', label: t('contactForms.reply'), span: 2, children: <span data-testid="contact-form-reply-text">{f.reply ?? ''}</span> },
            { key: 'replied', label: t('contactForms.repliedBy'), children: signed(f.repliedByName, f.repliedAt) },
            { key: 'closed', label: t('contactForms.closedBy'), children: signed(f.closedByName, f.closedAt) },
            ...(f.closeNote ? [{ key: 'note', label: t('contactForms.closeNote'), span: 2, children: f.closeNote }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
