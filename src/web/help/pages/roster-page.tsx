import { App, Button, Card, DatePicker, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DUTY_POSTS } from '../../../domain/help/help.policy';
import type { DutyRosterJson, DutyShiftJson } from '../../../domain/help/help.contract';
import type { Role } from '../../../domain/shared/roles';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { roleLabels, t } from '../../i18n/zh-CN';
import { api, request } from '../../lib/api';
import { useActionError } from '../../lib/use-action-error';
import { useProject } from '../../lib/project-context';

interface Values {
  role: Role;
  userId: string;
  range: [Dayjs, Dayjs];
}

/** 值班表: who holds which post in which shift, so an emergency alert reaches the people on duty. */
export function RosterPage() {
  const { current } = useProject();
  const projectId = current?.id;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const onError = useActionError();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const key = ['help', 'roster', projectId ?? ''];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<DutyRosterJson>('/api/help/duty-roster', { projectId }, signal), enabled: Boolean(projectId) });
  const add = useMutation({ mutationFn: (body: object) => api.post<DutyShiftJson>('/api/help/duty-roster', body), onSettled: () => qc.invalidateQueries({ queryKey: key }) });
  const remove = useMutation({ mutationFn: (id: string) => request<{ ok: true }>('DELETE', `/api/help/duty-roster/${id}`), onSettled: () => qc.invalidateQueries({ queryKey: key }) });
  if (!projectId || q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const { items, candidates, canEdit } = q.data;
  const people = candidates.filter((c) => !role || c.roles.includes(role));

  const columns = [
    { title: t('roster.post'), dataIndex: 'role', render: (r: Role) => roleLabels[r] },
    { title: t('roster.person'), dataIndex: 'userName', render: (n: string, s: DutyShiftJson) => (s.now ? <Space>{n}<Tag color="green">{t('roster.onDuty')}</Tag></Space> : n) },
    { title: t('roster.time'), key: 'time', render: (_: unknown, s: DutyShiftJson) => `${dayjs(s.startsAt).format('MM-DD HH:mm')} — ${dayjs(s.endsAt).format('MM-DD HH:mm')}` },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, s: DutyShiftJson) => (
              <Button size="small" danger onClick={() => remove.mutate(s.id, { onSuccess: () => message.success(t('roster.removed')), onError: (e) => onError(e) })}>
                {t('roster.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('roster.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('roster.hint')}</Typography.Text>
      {canEdit && (
        <Card size="small" title={t('roster.add')}>
          <Form
            form={form}
            layout="inline"
            requiredMark={false}
            onFinish={(v) =>
              add.mutate(
                { projectId, role: v.role, userId: v.userId, startsAt: v.range[0].toISOString(), endsAt: v.range[1].toISOString() },
                { onSuccess: () => (message.success(t('roster.added')), form.resetFields()), onError: (e) => onError(e, { form, fields: ['role', 'userId'] }) },
              )
            }
          >
            <Form.Item name="role" label={t('roster.post')} rules={[{ required: true, message: t('roster.required') }]}>
              <Select style={{ width: 160 }} options={DUTY_POSTS.map((r) => ({ value: r, label: roleLabels[r] }))} onChange={() => form.setFieldValue('userId', undefined)} />
            </Form.Item>
            <Form.Item name="userId" label={t('roster.person')} rules={[{ required: true, message: t('roster.required') }]}>
              <Select style={{ width: 160 }} options={people.map((p) => ({ value: p.id, label: p.displayName }))} />
            </Form.Item>
            <Form.Item name="range" label={t('roster.time')} rules={[{ required: true, message: t('roster.required') }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="MM-DD HH:mm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('roster.add')}
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small">
        <Table<DutyShiftJson> rowKey="id" size="small" dataSource={items} columns={columns} pagination={false} scroll={{ x: 520 }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roster.none')} /> }} />
      </Card>
    </Space>
  );
}
