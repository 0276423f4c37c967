import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaybookJson, PlaybookUpdate } from '../../../domain/help/help.contract';
import { BRANCH_LABELS } from '../../../domain/help/labels';
import { ROLES, type Role } from '../../../domain/shared/roles';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { roleLabels, t } from '../../i18n/zh-CN';
import { api, request } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';
import { useProject } from '../../lib/project-context';

type Step = PlaybookJson['steps'][number];
type FormValues = Omit<PlaybookUpdate, 'version' | 'escalation'>;

const COMMON = '__all__';
const branchLabel = (b: string | null) => (b ? (BRANCH_LABELS[b] ?? b) : t('playbooks.allBranches'));

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
    });
  };
  const submit = (v: FormValues) => {
    if (!editing) return;
    const body: PlaybookUpdate = {
      version: editing.version,
      name: v.name,
      keywords: v.keywords ?? [],
      active: v.active,
      escalation: editing.escalation as PlaybookUpdate['escalation'],
      steps: (v.steps ?? []).map((s) => ({ ...s, branch: s.branch === COMMON ? null : s.branch, instruction: s.instruction || null, limitMinutes: s.limitMinutes ?? null })),
    };
    save.mutate({ id: editing.id, body }, { onSuccess: () => (message.success(t('playbooks.saved')), setEditing(null)), onError: (e) => onError(e, { form, fields: ['name', 'keywords', 'steps'] }) });
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
              {t('playbooks.escalationSummary', { steps: p.escalation.steps.length, repeat: p.escalation.repeat })}
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
