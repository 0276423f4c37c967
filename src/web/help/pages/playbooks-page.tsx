import { useState } from 'react';
import { App, Button, Card, Descriptions, Divider, Drawer, Empty, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationChainJson, PlaybookJson, PlaybookUpdate } from '../../../domain/help/help.contract';
import { ESCALATION_STEP_TYPES, MAX_ESCALATION_REPEAT, type EscalationStepType } from '../../../domain/help/help.escalation';
import { BRANCH_LABELS } from '../../../domain/help/labels';
import { ROLES, type Role } from '../../../domain/shared/roles';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { roleLabels, t } from '../../i18n/zh-CN';
import { api, isApiError, request } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';
import { useProject } from '../../lib/project-context';

type Step = PlaybookJson['steps'][number];
type ChainStepValues = { type?: EscalationStepType; minutes?: number | null; roles?: Role[] };
type FormValues = Omit<PlaybookUpdate, 'version' | 'escalation'> & {
  escalation: { steps?: ChainStepValues[]; repeat?: number | null; ackExpiresMinutes?: number | null };
};

const COMMON = '__all__';
const branchLabel = (b: string | null) => (b ? (BRANCH_LABELS[b] ?? b) : t('playbooks.allBranches'));

const ROLE_OPTIONS = ROLES.filter((r) => r !== 'vendor').map((r) => ({ value: r, label: roleLabels[r] }));
const CHAIN_TYPE_OPTIONS = ESCALATION_STEP_TYPES.map((type) => ({ value: type, label: t(`escalation.${type}`) }));

/** The chain in words: 等待 2 分钟 → 再次通知当班人员 → 通知 保安班长、客服主管，再重复 1 次；确认后 10 分钟未完成即失效. */
export function describeChain(chain: EscalationChainJson): string {
  if (chain.steps.length === 0) return t('playbooks.chainNone');
  const steps = chain.steps
    .map((e) =>
      e.type === 'wait' ? t('escalation.waitN', { n: e.minutes ?? 1 }) : e.type === 'notify_roles' ? t('escalation.notifyRolesN', { roles: (e.roles ?? []).map((r) => roleLabels[r]).join('、') }) : t(`escalation.${e.type}`),
    )
    .join(' → ');
  return steps + (chain.repeat ? t('playbooks.chainRepeatSummary', { n: chain.repeat }) : '') + (chain.ackExpiresMinutes ? t('playbooks.chainAckSummary', { n: chain.ackExpiresMinutes }) : '');
}

/** The server's refusals of nested fields (body.steps.2.title, body.escalation.steps.0.minutes) on the field itself. */
function applyNestedErrors(form: FormInstance, e: unknown): boolean {
  if (!isApiError(e) || e.fields.length === 0) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of e.fields) {
    const parts = f.path.replace(/^body\./, '').split('.');
    if (!['name', 'keywords', 'steps', 'escalation'].includes(parts[0])) continue;
    const name = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = name.join('.');
    byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), f.message] });
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

/** The escalation chain's ordered steps, edited with the playbook: add, remove, reorder; a wait has its minutes, a notice to supervisors its posts. */
function ChainEditor({ form }: { form: FormInstance<FormValues> }) {
  return (
    <div data-testid="chain-editor">
      <Typography.Text strong>{t('playbooks.chain')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('playbooks.chainHint')}</Typography.Paragraph>
      <Form.List
        name={['escalation', 'steps']}
        rules={[{ validator: async (_, v: unknown[] | undefined) => ((v?.length ?? 0) > 20 ? Promise.reject(new Error(t('playbooks.chainMax'))) : undefined) }]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                data-testid="chain-step"
                title={t('playbooks.chainStepN', { n: i + 1 })}
                extra={
                  <Space>
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('playbooks.up')}>
                      ↑
                    </Button>
                    <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('playbooks.down')}>
                      ↓
                    </Button>
                    <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('playbooks.chainRemove')} />
                  </Space>
                }
              >
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'type']} label={t('playbooks.chainType')} rules={[{ required: true, message: t('playbooks.chainTypeRequired') }]} style={{ marginBottom: 0 }}>
                    <Select style={{ width: 190 }} options={CHAIN_TYPE_OPTIONS} aria-label={t('playbooks.chainType')} />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['escalation', 'steps', f.name, 'type']]}>
                    {() => {
                      const type = form.getFieldValue(['escalation', 'steps', f.name, 'type']) as EscalationStepType | undefined;
                      if (type === 'wait')
                        return (
                          <Form.Item
                            name={[f.name, 'minutes']}
                            label={t('playbooks.chainMinutes')}
                            style={{ marginBottom: 0 }}
                            rules={[
                              { required: true, message: t('playbooks.chainMinutesRequired') },
                              { type: 'integer', min: 1, max: 120, message: t('playbooks.chainMinutesRange') },
                            ]}
                          >
                            <InputNumber style={{ width: 120 }} suffix={t('playbooks.min')} aria-label={t('playbooks.chainMinutes')} />
                          </Form.Item>
                        );
                      if (type === 'notify_roles')
                        return (
                          <Form.Item name={[f.name, 'roles']} label={t('playbooks.chainRoles')} style={{ marginBottom: 0, minWidth: 240 }} rules={[{ required: true, type: 'array', min: 1, message: t('playbooks.chainRolesRequired') }]}>
                            <Select mode="multiple" style={{ minWidth: 240 }} options={ROLE_OPTIONS} aria-label={t('playbooks.chainRoles')} />
                          </Form.Item>
                        );
                      return null;
                    }}
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button icon={<PlusOutlined />} disabled={fields.length >= 20} onClick={() => add({ type: 'wait', minutes: 5 })}>
              {t('playbooks.chainAdd')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Space wrap align="start" style={{ marginTop: 12 }}>
        <Form.Item
          name={['escalation', 'repeat']}
          label={t('playbooks.chainRepeat')}
          rules={[
            { required: true, message: t('playbooks.chainRepeatRequired') },
            { type: 'integer', min: 0, max: MAX_ESCALATION_REPEAT, message: t('playbooks.chainRepeatRange', { max: MAX_ESCALATION_REPEAT }) },
          ]}
        >
          <InputNumber style={{ width: 120 }} suffix={t('playbooks.chainTimes')} aria-label={t('playbooks.chainRepeat')} />
        </Form.Item>
        <Form.Item
          name={['escalation', 'ackExpiresMinutes']}
          label={t('playbooks.chainAckExpires')}
          extra={t('playbooks.chainAckExpiresHint')}
          rules={[{ type: 'integer', min: 1, max: 240, message: t('playbooks.chainAckExpiresRange') }]}
        >
          <InputNumber style={{ width: 140 }} suffix={t('playbooks.min')} aria-label={t('playbooks.chainAckExpires')} />
        </Form.Item>
      </Space>
    </div>
  );
}

/** The steps of one playbook as a table: order, who, what, within how many minutes. */
function StepTable({ steps }: { steps: Step[] }) {
  return (
    <Table<Step>
      rowKey={(s) => `${s.seq}`}
      size="small"
      pagination={false}
      dataSource={steps}
      scroll={{ x: 560 }}
      columns={[
        { title: t('playbooks.order'), dataIndex: 'parallelGroup', width: 70 },
        { title: t('playbooks.branch'), dataIndex: 'branch', width: 110, render: (b: string | null) => branchLabel(b) },
        { title: t('playbooks.role'), dataIndex: 'role', width: 120, render: (r: Role) => roleLabels[r] },
        { title: t('playbooks.step'), dataIndex: 'title', render: (x: string, s) => (s.instruction ? <Space orientation="vertical" size={0}>{x}<Typography.Text type="secondary">{s.instruction}</Typography.Text></Space> : x) },
        { title: t('playbooks.limit'), dataIndex: 'limitMinutes', width: 100, render: (m: number | null) => (m ? t('playbooks.minutes', { n: m }) : '—') },
      ]}
    />
  );
}

/** 应急预案: the company's playbooks as data — read by everyone involved, edited by the supervisors. */
export function PlaybooksPage() {
  const { current } = useProject();
  const projectId = current?.id;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useActionError();
  const [editing, setEditing] = useState<PlaybookJson | null>(null);
  const [form] = Form.useForm<FormValues>();
  const key = ['help', 'playbooks', projectId ?? '', 'edit'];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ items: PlaybookJson[]; canEdit: boolean }>('/api/help/playbooks', { projectId }, signal), enabled: Boolean(projectId) });
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string; body: PlaybookUpdate }) => request<PlaybookJson>('PUT', `/api/help/playbooks/${id}`, { body }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['help'] }),
  });
  if (!projectId || q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const { items, canEdit } = q.data;

  const open = (p: PlaybookJson) => {
    setEditing(p);
    form.setFieldsValue({
      name: p.name,
      keywords: p.keywords,
      active: p.active,
      steps: p.steps.map((s) => ({ branch: s.branch ?? COMMON, parallelGroup: s.parallelGroup, role: s.role, title: s.title, instruction: s.instruction, limitMinutes: s.limitMinutes })),
      escalation: { steps: p.escalation.steps.map((e) => ({ type: e.type, minutes: e.minutes ?? null, roles: e.roles ?? [] })), repeat: p.escalation.repeat, ackExpiresMinutes: p.escalation.ackExpiresMinutes },
    });
  };
  const submit = (v: FormValues) => {
    if (!editing) return;
    const body: PlaybookUpdate = {
      version: editing.version,
      name: v.name,
      keywords: v.keywords ?? [],
      active: v.active,
      escalation: {
        // Each step with the fields of its kind only (the server refuses a key a step does not declare).
        steps: (v.escalation.steps ?? []).map((e) =>
          e.type === 'wait' ? { type: 'wait' as const, minutes: e.minutes ?? undefined } : e.type === 'notify_roles' ? { type: 'notify_roles' as const, roles: e.roles ?? [] } : { type: e.type ?? 'notify_on_duty' },
        ),
        repeat: v.escalation.repeat ?? 0,
        ackExpiresMinutes: v.escalation.ackExpiresMinutes ?? null,
      },
      steps: (v.steps ?? []).map((s) => ({ ...s, branch: s.branch === COMMON ? null : s.branch, instruction: s.instruction || null, limitMinutes: s.limitMinutes ?? null })),
    };
    save.mutate({ id: editing.id, body }, { onSuccess: () => (message.success(t('playbooks.saved')), setEditing(null)), onError: (e) => (applyNestedErrors(form, e) ? undefined : onError(e)) });
  };
  const branchOptions = (p: PlaybookJson | null) => [{ value: COMMON, label: t('playbooks.allBranches') }, ...(p?.branches ?? []).map((b) => ({ value: b, label: branchLabel(b) }))];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('playbooks.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t(canEdit ? 'playbooks.hintEdit' : 'playbooks.hint')}</Typography.Text>
      {items.length === 0 && <Empty description={t('playbooks.none')} />}
      {items.map((p) => (
        <Card
          key={p.id}
          size="small"
          data-testid="playbook-card"
          title={
            <Space wrap>
              {p.name}
              {!p.active && <Tag>{t('playbooks.inactive')}</Tag>}
            </Space>
          }
          extra={canEdit && <Button onClick={() => open(p)}>{t('playbooks.edit')}</Button>}
        >
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('playbooks.keywords')}>{p.keywords.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('playbooks.escalation')}>
              <span data-testid="playbook-chain">{describeChain(p.escalation)}</span>
            </Descriptions.Item>
          </Descriptions>
          <StepTable steps={p.steps} />
        </Card>
      ))}
      <Drawer open={Boolean(editing)} onClose={() => setEditing(null)} title={editing ? t('playbooks.editTitle', { name: editing.name }) : ''} size="large" destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item name="name" label={t('playbooks.name')} rules={[{ required: true, message: t('playbooks.required') }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="keywords" label={t('playbooks.keywords')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
          <Form.Item name="active" label={t('playbooks.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Typography.Text strong>{t('playbooks.steps')}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('playbooks.stepsHint')}</Typography.Paragraph>
          <Form.List name="steps">
            {(fields, { add, remove, move }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" data-testid="playbook-step" title={t('playbooks.stepN', { n: i + 1 })}
                    extra={
                      <Space>
                        <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('playbooks.up')}>↑</Button>
                        <Button size="small" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('playbooks.down')}>↓</Button>
                        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('playbooks.removeStep')} />
                      </Space>
                    }
                  >
                    <Space wrap align="start">
                      <Form.Item name={[f.name, 'parallelGroup']} label={t('playbooks.order')} rules={[{ required: true, message: t('playbooks.required') }]}>
                        <InputNumber min={1} max={50} style={{ width: 80 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'branch']} label={t('playbooks.branch')}>
                        <Select style={{ width: 140 }} options={branchOptions(editing)} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'role']} label={t('playbooks.role')} rules={[{ required: true, message: t('playbooks.required') }]}>
                        <Select style={{ width: 150 }} options={ROLES.filter((r) => r !== 'vendor').map((r) => ({ value: r, label: roleLabels[r] }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'limitMinutes']} label={t('playbooks.limit')}>
                        <InputNumber min={1} max={1440} style={{ width: 100 }} suffix={t('playbooks.min')} />
                      </Form.Item>
                    </Space>
                    <Form.Item name={[f.name, 'title']} label={t('playbooks.step')} rules={[{ required: true, message: t('playbooks.required') }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'instruction']} label={t('playbooks.instruction')} style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize maxLength={500} />
                    </Form.Item>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ branch: COMMON, parallelGroup: fields.length + 1, role: 'front_desk', title: '', instruction: null, limitMinutes: null })}>
                  {t('playbooks.addStep')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Divider />
          <ChainEditor form={form} />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('playbooks.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('playbooks.cancel')}</Button>
          </Space>
        </Form>
      </Drawer>
    </Space>
  );
}
