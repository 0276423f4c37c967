import { App, Alert, Button, Card, Col, Form, Popconfirm, Row, Space, Typography, type InputRef, type RefSelectProps } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { CLASS_LABELS } from '../../../domain/calls/labels';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useAssignees, useCategories, useClassification, useCreateCall, useRecentCalls } from '../api';
import { ClassProposal } from '../components/class-proposal';
import { AnswerCloseDialog } from '../components/close-dialog';
import { HouseholdLookup, type LookupPick } from '../components/household-lookup';
import { RecentCalls } from '../components/recent-calls';
import type { CallRecord } from '../../../domain/calls/call-record.contract';
import type { ClassifyBody } from '../../../domain/calls/calls.contract';
import { IntakeFields } from './intake-fields';
import { clearDraft, EMPTY_VALUES, loadDraft, newIdempotencyKey, saveDraft, type DraftHousehold, type IntakeValues } from './intake-draft';
import { useDebounced } from './use-debounced';
import { savingOk } from '../../components/saving-ok';

const FIELDS = ['callerName', 'callerPhone', 'channel', 'categoryId', 'urgency', 'content', 'explicitComplaint', 'needsCoordination', 'overrideClass', 'overrideReason', 'assigneeId'] as const;

export function IntakeForm({ projectId, storageKey }: { projectId: string; storageKey: string }) {
  const { message } = App.useApp();
  const [{ draft: initial, restored }] = useState(() => loadDraft(storageKey));
  const [form] = Form.useForm<IntakeValues>();
  const [household, setHousehold] = useState<DraftHousehold | null>(initial.household);
  const [lookup, setLookup] = useState(initial.lookup);
  const [saved, setSaved] = useState<CallRecord | null>(null);
  const [answering, setAnswering] = useState(false);
  const keyRef = useRef(initial.idempotencyKey);
  const autoName = useRef<string | null>(null);
  const lookupRef = useRef<InputRef>(null);
  const categoryRef = useRef<RefSelectProps>(null);
  const contentRef = useRef<TextAreaRef>(null);

  const categories = useCategories(projectId);
  const create = useCreateCall();
  const recent = useRecentCalls(projectId, household?.id);

  // Every keystroke is kept: a reload, a crash or a closed tab never loses the call being taken.
  const persist = (h = household, l = lookup) => saveDraft(storageKey, { idempotencyKey: keyRef.current, lookup: l, household: h, values: { ...EMPTY_VALUES, ...form.getFieldsValue(true) } });
  useEffect(() => {
    if (restored) message.info(t('intake.draftRestored'));
  }, [restored, message]);

  const categoryId = Form.useWatch('categoryId', form);
  const explicitComplaint = Form.useWatch('explicitComplaint', form) ?? false;
  const needsCoordination = Form.useWatch('needsCoordination', form) ?? false;
  const overrideClass = Form.useWatch('overrideClass', form);
  const classifyInput = useMemo<ClassifyBody>(
    () => ({ projectId, householdId: household?.id ?? null, unitId: household?.unitId ?? null, categoryId: categoryId ?? null, explicitComplaint, needsCoordination }),
    [projectId, household, categoryId, explicitComplaint, needsCoordination],
  );
  const settled = useDebounced(classifyInput, 200);
  const classification = useClassification(settled);
  const stale = JSON.stringify(settled) !== JSON.stringify(classifyInput) || classification.isPlaceholderData;
  const proposed = classification.data?.class;
  const effective = overrideClass ?? proposed ?? 'normal';
  const assignees = useAssignees(projectId, 'normal', effective === 'normal');
  // A Z job goes to the project's designated warranty engineer (CALL-5): named before saving when there is just one.
  const engineers = useAssignees(projectId, 'Z', effective === 'Z');
  const zEngineer = effective === 'Z' && engineers.data?.length === 1 ? engineers.data[0].displayName : null;

  const onPick = (p: LookupPick) => {
    setHousehold(p.household);
    const name = form.getFieldValue('callerName') as string;
    // The owner by default; a name the operator typed is theirs to keep.
    if (!name || name === autoName.current) form.setFieldValue('callerName', p.callerName);
    autoName.current = p.callerName;
    if (p.callerPhone) form.setFieldValue('callerPhone', p.callerPhone);
    persist(p.household);
    requestAnimationFrame(() => categoryRef.current?.focus());
  };

  const clearHousehold = () => {
    setHousehold(null);
    persist(null);
    requestAnimationFrame(() => lookupRef.current?.focus());
  };

  const reset = () => {
    clearDraft(storageKey);
    keyRef.current = newIdempotencyKey();
    form.resetFields();
    form.setFieldsValue({ ...EMPTY_VALUES });
    setHousehold(null);
    setLookup('');
    autoName.current = null;
    requestAnimationFrame(() => lookupRef.current?.focus());
  };

  const onFinish = (v: IntakeValues) => {
    const override = v.overrideClass && v.overrideClass !== proposed ? v.overrideClass : undefined;
    create.mutate(
      {
        projectId,
        channel: v.channel,
        householdId: household?.id,
        unitId: household?.unitId,
        callerName: v.callerName.trim(),
        callerPhone: v.callerPhone?.trim() || undefined,
        content: v.content.trim(),
        categoryId: v.categoryId,
        urgency: v.urgency,
        explicitComplaint: v.explicitComplaint,
        needsCoordination: v.needsCoordination,
        class: v.overrideClass,
        overrideReason: override ? v.overrideReason.trim() : undefined,
        assigneeId: effective === 'normal' ? v.assigneeId : undefined,
        idempotencyKey: keyRef.current,
      },
      {
        onSuccess: (call) => {
          setSaved(call);
          message.success(t('intake.saved', { number: call.number }));
          reset();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, FIELDS, { class: 'overrideClass' })) message.error(isApiError(e) ? e.message : t('error.unknown'));
        },
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!create.isPending) form.submit();
    } else if (e.altKey && (e.key === '1' || e.key === '2')) {
      e.preventDefault();
      form.setFieldValue('channel', e.key === '1' ? 'phone' : 'visit');
      persist();
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card
            title={t('intake.title')}
            extra={
              // Asks first: one stray click must not wipe a call being taken.
              <Popconfirm title={t('intake.clearConfirm')} okText={t('intake.clearOk')} cancelText={t('intake.clearCancel')} onConfirm={reset}>
                <Button size="small">{t('intake.clear')}</Button>
              </Popconfirm>
            }
          >
            {saved && (
              <Alert
                type="success"
                showIcon
                closable
                style={{ marginBottom: 16 }}
                data-testid="intake-saved"
                title={t('intake.saved', { number: saved.number })}
                description={
                  <Space wrap>
                    <span>{t('intake.savedDetail', { number: saved.number, cls: CLASS_LABELS[saved.class], progress: saved.progress ?? '' })}</span>
                    <Link to={`/calls/${saved.id}`}>{t('intake.open')}</Link>
                    {saved.abilities.answerClose && saved.class === 'inquiry' && (
                      <Button size="small" type="primary" onClick={() => setAnswering(true)} data-testid="intake-answer-close">
                        {t('answerClose.title')}
                      </Button>
                    )}
                  </Space>
                }
              />
            )}
            <Form<IntakeValues>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={initial.values}
              onValuesChange={() => persist()}
              onFinish={onFinish}
            >
              <Form.Item label={t('intake.household')}>
                <HouseholdLookup
                  projectId={projectId}
                  text={lookup}
                  onText={(v) => {
                    setLookup(v);
                    persist(household, v);
                  }}
                  household={household}
                  onPick={onPick}
                  onClear={clearHousehold}
                  inputRef={lookupRef}
                />
              </Form.Item>
              <IntakeFields
                categories={categories.data}
                categoriesLoading={categories.isPending}
                categoryRef={categoryRef}
                contentRef={contentRef}
                proposed={proposed}
                effective={effective}
                assignees={assignees.data}
                zEngineer={zEngineer}
              />
              <Button type="primary" htmlType="submit" size="large" {...savingOk(create.isPending)}>
                {t('intake.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('intake.proposal')}>
              <ClassProposal data={classification.data} error={classification.error} stale={stale} hasCategory={Boolean(categoryId)} />
            </Card>
            {household && <RecentCalls title={`${t('intake.recent')} · ${household.unitCode}`} items={recent.data} loading={recent.isPending} />}
            {!household && <Typography.Text type="secondary">{t('intake.noHousehold')}</Typography.Text>}
          </Space>
        </Col>
      </Row>
      {answering && saved && <AnswerCloseDialog call={saved} onClose={() => setAnswering(false)} onDone={setSaved} />}
    </div>
  );
}
