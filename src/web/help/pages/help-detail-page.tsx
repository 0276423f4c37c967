import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BRANCH_LABELS, HELP_OUTCOME_LABELS } from '../../../domain/help/labels';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useActionError } from '../../lib/use-action-error';
import { useCloseHelp, useHelp, usePlaybooks, useRespond, useStartPlaybook, type HelpDetailJson } from '../api';
import { HelpCategoryTag, HelpStatusTag } from '../components/help-tags';
import { HelpTimeline } from '../components/help-timeline';
import { StepList } from '../components/step-list';
import { RevealPhone } from '../components/reveal-phone';

/** The playbook a category usually starts. */
const DEFAULT_PLAYBOOK: Partial<Record<HelpDetailJson['category'], string>> = { medical: 'medical', security: 'security' };

function RespondForm({ help }: { help: HelpDetailJson }) {
  const [note, setNote] = useState('');
  const respond = useRespond(help.id);
  const onError = useActionError();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('help.respondNote')} aria-label={t('help.respondNote')} onPressEnter={() => note.trim() && respond.mutate({ version: help.version, note }, { onError: (e) => onError(e) })} />
      <Button type="primary" loading={respond.isPending} disabled={note.trim().length < 2} onClick={() => respond.mutate({ version: help.version, note }, { onError: (e) => onError(e) })} data-testid="help-respond">
        {t('help.respond')}
      </Button>
    </Space.Compact>
  );
}

interface StartValues {
  playbookCode?: string;
  branch?: string;
  patientAddress?: string;
  patientPhone?: string;
}

/** Starting a playbook: the medical one asks the patient's address and phone first, then the requester's choice (HELP-5). */
function StartPlaybookForm({ help }: { help: HelpDetailJson }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StartValues>();
  const books = usePlaybooks(help.projectId);
  const start = useStartPlaybook(help.id);
  const onError = useActionError();
  const code = Form.useWatch('playbookCode', form) ?? DEFAULT_PLAYBOOK[help.category];
  const book = books.data?.find((b) => b.code === code);
  // The playbook whose everyday words the request mentions (电梯困人, 燃气, 着火 …), when the category names none.
  useEffect(() => {
    if (!books.data || form.getFieldValue('playbookCode')) return;
    const hit = books.data.find((b) => b.keywords.some((k) => help.need.includes(k)));
    if (hit) form.setFieldValue('playbookCode', hit.code);
  }, [books.data, form, help.need]);
  const submit = (v: StartValues) =>
    start.mutate(
      { version: help.version, playbookCode: v.playbookCode ?? '', branch: v.branch, patientAddress: v.patientAddress?.trim() || undefined, patientPhone: v.patientPhone?.trim() || undefined },
      { onSuccess: () => message.success(t('help.started')), onError: (e) => onError(e, { form, fields: ['playbookCode', 'branch', 'patientAddress', 'patientPhone'] }) },
    );
  return (
    <Card size="small" title={t('help.startPlaybook')} data-testid="start-playbook">
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ playbookCode: DEFAULT_PLAYBOOK[help.category] }} onFinish={submit}>
        <Form.Item name="playbookCode" label={t('help.pickPlaybook')} rules={[{ required: true, message: t('help.pickPlaybook') }]}>
          <Select loading={books.isPending} options={(books.data ?? []).map((b) => ({ value: b.code, label: b.name }))} data-testid="playbook-select" />
        </Form.Item>
        {book?.needsPatient && (
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="patientAddress" label={t('help.patientAddress')} rules={[{ required: true, whitespace: true, message: t('help.patientAddressRequired') }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="patientPhone" label={t('help.patientPhone')} rules={[{ required: true, whitespace: true, message: t('help.patientPhoneRequired') }]}>
                <Input autoComplete="off" inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {book && book.branches.length > 0 && (
          <Form.Item name="branch" label={t('help.branch')} rules={[{ required: true, message: t('help.branch') }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={book.branches.map((b) => ({ value: b, label: BRANCH_LABELS[b] ?? b }))} />
          </Form.Item>
        )}
        <Button type="primary" danger htmlType="submit" loading={start.isPending} data-testid="playbook-start">
          {t('help.start')}
        </Button>
      </Form>
    </Card>
  );
}

interface CloseValues {
  outcome: 'solved' | 'referred';
  result: string;
  referredTo?: string;
}

/** Closing needs a written result; "we cannot do this" also whom we helped the resident contact (HELP-4). */
function CloseForm({ help }: { help: HelpDetailJson }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const close = useCloseHelp(help.id);
  const onError = useActionError();
  const outcome = Form.useWatch('outcome', form);
  return (
    <Card size="small" title={t('help.close')} data-testid="close-help">
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ outcome: 'solved' }}
        onFinish={(v) => close.mutate({ version: help.version, ...v }, { onSuccess: () => message.success(t('help.closed')), onError: (e) => onError(e, { form, fields: ['outcome', 'result', 'referredTo'] }) })}
      >
        <Form.Item name="outcome" label={t('help.outcome')}>
          <Radio.Group
            options={[
              { value: 'solved', label: t('help.outcome.solved') },
              { value: 'referred', label: t('help.outcome.referred') },
            ]}
          />
        </Form.Item>
        <Form.Item name="result" label={t('help.result')} rules={[{ required: true, whitespace: true, message: t('help.resultRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="close-result" />
        </Form.Item>
        {outcome === 'referred' && (
          <Form.Item name="referredTo" label={t('help.referredTo')} rules={[{ required: true, whitespace: true, message: t('help.referredToRequired') }]}>
            <Input />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="close-submit">
          {t('help.close')}
        </Button>
      </Form>
    </Card>
  );
}

/** 求助详情: the request, its clock, the incident's steps and the live timeline, for everyone involved. */
export function HelpDetailPage() {
  const { id } = useParams();
  const q = useHelp(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const h = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {h.playbookName ?? t('help.title')} {h.number}
          </Typography.Title>
          <HelpCategoryTag value={h.category} />
          <HelpStatusTag value={h.status} />
          {h.status === 'open' && <Countdown sla={h.sla} strong />}
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('help.requester')}>
            <Space size={4}>
              {h.requesterName}
              {h.phone && (h.abilities.revealPhone ? <RevealPhone helpId={h.id} field="phone" masked={h.phone} /> : h.phone)}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('help.unit')}>{h.unitCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('help.receivedAt')}>
            {dayjs(h.receivedAt).format('MM-DD HH:mm:ss')} {h.recordedByName ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('help.need')} span={3}>
            {h.need}
          </Descriptions.Item>
          {h.patientAddress && (
            <Descriptions.Item label={t('help.patient')}>
              <Space size={4}>
                {h.patientAddress}
                {h.patientPhone && (h.abilities.revealPhone ? <RevealPhone helpId={h.id} field="patientPhone" masked={h.patientPhone} /> : h.patientPhone)}
              </Space>
            </Descriptions.Item>
          )}
          {h.routedId && h.routedRef && (
            <Descriptions.Item label={t('help.linked')}>
              <Link to={h.routedTo === 'complaint' ? `/complaints/${h.routedId}` : `/calls/${h.routedId}`} data-testid="help-linked">
                {t(h.routedTo === 'complaint' ? 'help.linked.complaint' : 'help.linked.call')} {h.routedRef}
              </Link>
            </Descriptions.Item>
          )}
          {h.branch && <Descriptions.Item label={t('help.branch')}>{BRANCH_LABELS[h.branch] ?? h.branch}</Descriptions.Item>}
          {h.outcome && (
            <Descriptions.Item label={t('help.outcome')} span={3}>
              {HELP_OUTCOME_LABELS[h.outcome]}：{h.result}
              {h.referredTo ? `（${h.referredTo}）` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        {h.abilities.respond && <RespondForm help={h} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {h.abilities.startPlaybook && <StartPlaybookForm help={h} />}
            {h.steps.length > 0 && <StepList steps={h.steps} />}
            {h.abilities.close && <CloseForm help={h} />}
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <HelpTimeline events={h.timeline} steps={h.steps} />
        </Col>
      </Row>
    </Space>
  );
}
