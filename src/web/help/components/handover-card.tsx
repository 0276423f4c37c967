import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DUTY_POSTS } from '../../../domain/help/help.policy';
import type { DutyRosterJson, HandoverJson } from '../../../domain/help/help.contract';
import type { Role } from '../../../domain/shared/roles';
import { roleLabels, t } from '../../i18n/zh-CN';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { useActionError } from '../../lib/use-action-error';

interface Values {
  role: Role;
  toUserId: string;
  keysOut?: string;
  equipmentOut?: string;
  pending?: string;
}

/** 交接班 on the guard's phone: hand the post over (open incidents are listed by the server), or acknowledge taking it. */
export function HandoverCard({ projectId }: { projectId: string }) {
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const onError = useActionError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const key = ['help', 'handovers', projectId];
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api.get<{ items: HandoverJson[] }>('/api/help/handovers', { projectId }, signal), select: (d) => d.items });
  const roster = useQuery({ queryKey: ['help', 'roster', projectId], queryFn: ({ signal }) => api.get<DutyRosterJson>('/api/help/duty-roster', { projectId }, signal), enabled: open });
  const give = useMutation({ mutationFn: (body: object) => api.post<HandoverJson>('/api/help/handovers', body), onSettled: () => qc.invalidateQueries({ queryKey: key }) });
  const take = useMutation({ mutationFn: (h: HandoverJson) => api.post<HandoverJson>(`/api/help/handovers/${h.id}/acknowledge`, { version: h.version }), onSettled: () => qc.invalidateQueries({ queryKey: key }) });
  const myPosts = (me.data?.roles ?? []).filter((r) => DUTY_POSTS.includes(r));
  const people = (roster.data?.candidates ?? []).filter((c) => c.id !== me.data?.id && (!role || c.roles.includes(role)));
  const items = list.data ?? [];

  return (
    <Card size="small" title={t('handover.title')} extra={!open && <Button onClick={() => setOpen(true)}>{t('handover.give')}</Button>} data-testid="handover-card">
      {open && (
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ role: myPosts[0] }}
          onFinish={(v) =>
            give.mutate(
              { projectId, ...v },
              {
                onSuccess: () => {
                  message.success(t('handover.given'));
                  form.resetFields();
                  setOpen(false);
                },
                onError: (e) => onError(e, { form, fields: ['role', 'toUserId'] }),
              },
            )
          }
        >
          <Form.Item name="role" label={t('roster.post')} rules={[{ required: true, message: t('roster.required') }]}>
            <Select size="large" options={myPosts.map((r) => ({ value: r, label: roleLabels[r] }))} />
          </Form.Item>
          <Form.Item name="toUserId" label={t('handover.to')} rules={[{ required: true, message: t('roster.required') }]}>
            <Select size="large" loading={roster.isPending} options={people.map((p) => ({ value: p.id, label: p.displayName }))} />
          </Form.Item>
          <Form.Item name="keysOut" label={t('handover.keys')}>
            <Input size="large" />
          </Form.Item>
          <Form.Item name="equipmentOut" label={t('handover.equipment')}>
            <Input size="large" />
          </Form.Item>
          <Form.Item name="pending" label={t('handover.pending')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Space>
            <Button type="primary" size="large" htmlType="submit" loading={give.isPending}>
              {t('handover.give')}
            </Button>
            <Button size="large" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          </Space>
        </Form>
      )}
      <List
        dataSource={items}
        locale={{ emptyText: t('handover.none') }}
        renderItem={(h) => (
          <List.Item key={h.id}>
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {h.fromName} → {h.toName}
                </Typography.Text>
                <Tag>{roleLabels[h.role]}</Tag>
                <Tag color={h.acknowledgedAt ? 'success' : 'gold'}>{h.acknowledgedAt ? t('handover.acked') : t('handover.waiting')}</Tag>
                <Typography.Text type="secondary">{dayjs(h.at).format('MM-DD HH:mm')}</Typography.Text>
              </Space>
              {h.openIncidents.length > 0 && <Typography.Text>{t('handover.incidents', { list: h.openIncidents.map((x) => `${x.name} ${x.number}`).join('；') })}</Typography.Text>}
              {h.keysOut && <Typography.Text>{t('handover.keys')}：{h.keysOut}</Typography.Text>}
              {h.equipmentOut && <Typography.Text>{t('handover.equipment')}：{h.equipmentOut}</Typography.Text>}
              {h.pending && <Typography.Text>{t('handover.pending')}：{h.pending}</Typography.Text>}
              {h.canAcknowledge && (
                <Button type="primary" size="large" loading={take.isPending} onClick={() => take.mutate(h, { onSuccess: () => message.success(t('handover.acked')), onError: (e) => onError(e) })}>
                  {t('handover.ack')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
