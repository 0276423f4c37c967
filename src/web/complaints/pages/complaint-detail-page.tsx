import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Typography, type FormInstance } from 'antd';
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
import { COMPLAINT_LEVEL_LABELS } from '../../../domain/complaints/labels';
import { COMPLAINT_LEVELS, type ComplaintLevel } from '../../../domain/complaints/complaints.table';
import type { ComplaintDetail, ComplaintStep } from '../../../domain/complaints/complaints.contract';
import { useComplaint, useComplaintStep } from '../api';
import { ComplaintStatusTag, LevelTag } from '../components/complaint-tags';
import { StepTimeline } from '../components/step-timeline';
import { savingOk } from '../../components/saving-ok';

const fmt = (d: string | null | undefined) => (d ? dayjs(d).format('YYYY-MM-DD HH:mm') : '—');

function Fields({ c }: { c: ComplaintDetail }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'who', label: t('complaints.complainant'), children: `${c.complainantName} ${c.complainantPhone ?? ''}` },
        { key: 'unit', label: t('complaints.unit'), children: c.unitCode ?? '—' },
        { key: 'at', label: t('complaints.occurredAt'), children: fmt(c.occurredAt) },
        { key: 'place', label: t('complaints.place'), children: c.place },
        { key: 'dep', label: t('complaints.department'), children: DEPARTMENT_LABELS[c.department] },
        { key: 'person', label: t('complaints.aboutPerson'), children: c.aboutPerson ?? '—' },
        { key: 'content', label: t('complaints.content'), span: 2, children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Text> },
        { key: 'wants', label: t('complaints.wants'), span: 2, children: c.wants },
        ...(c.wantedBy ? [{ key: 'wantedBy', label: t('complaints.wantedBy'), children: fmt(c.wantedBy) }] : []),
        { key: 'level', label: t('complaints.level'), children: <LevelTag value={c.level} /> },
        { key: 'due', label: t('complaints.deadline'), children: <Countdown sla={c.sla} strong /> },
        ...(c.valid === false ? [{ key: 'invalid', label: t('complaints.invalidReason'), span: 2, children: c.invalidReason }] : []),
        ...(c.action ? [{ key: 'action', label: t('complaints.action'), span: 2, children: <span data-testid="complaint-action">{c.action}</span> }] : []),
        ...(c.informNote
          ? [{ key: 'inform', label: t('complaints.informNote'), span: 2, children: `${c.informNote}（${c.informedSameDay ? t('complaints.informedSameDay') : t('complaints.informedLate')}）` }]
          : []),
        ...(c.reopenCount ? [{ key: 'reopen', label: t('complaints.reopenCount'), children: <span data-testid="complaint-reopens">{c.reopenCount}</span> }] : []),
      ]}
    />
  );
}

type Dialog = 'judge' | 'return' | 'inform' | null;

function Actions({ c }: { c: ComplaintDetail }) {
  const stepper = useComplaintStep(c.id);
  const fail = useActionError();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const run = (step: ComplaintStep, body: Record<string, unknown>, form?: FormInstance, fields?: readonly string[]) =>
    stepper.mutate(
      { step, body: { version: c.version, ...body } },
      {
        onSuccess: () => {
          setDialog(null);
          message.success(t('complaints.done'));
        },
        onError: (e) => fail(e, { form, fields, onConflict: () => setDialog(null) }),
      },
    );
  const a = c.abilities;
  if (!a.judge && !a.sign && !a.return && !a.inform) return null;
  return (
    <Space wrap>
      {a.judge && (
        <Button type="primary" onClick={() => setDialog('judge')} data-testid="complaint-judge">
          {t('complaints.judge')}
        </Button>
      )}
      {a.sign && (
        <Button type="primary" {...savingOk(stepper.isPending)} onClick={() => run('sign', {})} data-testid="complaint-sign">
          {t('complaints.sign')}
        </Button>
      )}
      {a.return && (
        <Button type="primary" onClick={() => setDialog('return')} data-testid="complaint-return">
          {t('complaints.return')}
        </Button>
      )}
      {a.inform && (
        <Button type="primary" onClick={() => setDialog('inform')} data-testid="complaint-inform">
          {t('complaints.inform')}
        </Button>
      )}
      {dialog === 'judge' && (
        <FormModal<{ valid: boolean; level?: ComplaintLevel; reason?: string; cause?: string }>
          title={t('complaints.judge')}
          loading={stepper.isPending}
          initialValues={{ valid: true }}
          onCancel={() => setDialog(null)}
          onSubmit={(v, form) => run('judge', { valid: v.valid, level: v.valid ? v.level : undefined, reason: v.valid ? undefined : v.reason, cause: v.cause || undefined }, form, ['level', 'reason', 'cause'])}
        >
          <Form.Item name="valid" label={t('complaints.valid')}>
            <Radio.Group
              options={[
                { value: true, label: t('complaints.validYes') },
                { value: false, label: t('complaints.validNo') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.valid !== b.valid}>
            {({ getFieldValue }) =>
              getFieldValue('valid') ? (
                <Form.Item name="level" label={t('complaints.level')} extra={t('complaints.levelHint')} rules={[{ required: true, message: t('complaints.levelRequired') }]}>
                  <Radio.Group optionType="button" options={COMPLAINT_LEVELS.map((l) => ({ value: l, label: COMPLAINT_LEVEL_LABELS[l] }))} />
                </Form.Item>
              ) : (
                <Form.Item name="reason" label={t('complaints.invalidReason')} rules={[{ required: true, message: t('complaints.invalidReasonRequired') }]}>
                  <Input.TextArea rows={3} maxLength={500} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="cause" label={t('complaints.cause')}>
            <Select allowClear options={['服务态度', '维修质量', '响应不及时', '环境卫生', '安全秩序', '其他'].map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'return' && (
        <FormModal<{ action: string }> title={t('complaints.return')} loading={stepper.isPending} onCancel={() => setDialog(null)} onSubmit={(v, form) => run('return', { action: v.action }, form, ['action'])}>
          <Form.Item name="action" label={t('complaints.action')} rules={[{ required: true, message: t('complaints.actionRequired') }]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'inform' && (
        <FormModal<{ note: string }> title={t('complaints.inform')} loading={stepper.isPending} onCancel={() => setDialog(null)} onSubmit={(v, form) => run('inform', { note: v.note }, form, ['note'])}>
          <Form.Item name="note" label={t('complaints.informNote')} rules={[{ required: true, message: t('complaints.informNoteRequired') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

/** One complaint: what happened, its level and deadline, the step its user may take, and what happened so far. */
export function ComplaintDetailPage() {
  const { id } = useParams();
  const q = useComplaint(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return isApiError(q.error) && q.error.status === 404 ? <NotFoundPage /> : <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Link to="/complaints" aria-label={t('complaints.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="complaint-number">
            {c.number}
          </Typography.Title>
          <ComplaintStatusTag value={c.status} />
          <LevelTag value={c.level} />
        </Space>
        <Actions c={c} />
      </Space>
      {c.autoMajorAt && <Alert type="error" showIcon title={t('complaints.autoMajor')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Fields c={c} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('complaints.timeline')}>
            <StepTimeline events={c.events} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
