import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Form, Grid, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { FormModal } from '../../components/form-modal';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { useProject } from '../../lib/project-context';
import { useMe } from '../../lib/session';
import { useActionError } from '../../lib/use-action-error';
import { DEPARTMENTS, DEPARTMENT_LABELS, headsDepartment, type Department } from '../../../domain/shared/departments';
import { CONTACT_FORM_STATUS_LABELS } from '../../../domain/contact-forms/labels';
import type { ContactForm } from '../../../domain/contact-forms/contact-forms.contract';
import type { Role } from '../../../domain/shared/roles';
import { useContactForms, useSendContactForm } from '../api';

interface Values {
  fromDepartment: Department;
  toDepartment: Department;
  subject: string;
  details: string;
  requiredResult: string;
  dueAt: Dayjs;
}
const FIELDS = ['fromDepartment', 'toDepartment', 'subject', 'details', 'requiredResult', 'dueAt'] as const;

function SendModal({ projectId, mine, onClose }: { projectId: string; mine: Department[]; onClose: (id?: string) => void }) {
  const send = useSendContactForm();
  const fail = useActionError();
  const options = (list: readonly Department[]) => list.map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] }));
  return (
    <FormModal<Values>
      title={t('contactForms.new')}
      loading={send.isPending}
      initialValues={{ fromDepartment: mine[0], dueAt: dayjs().add(1, 'day').startOf('hour') }}
      onCancel={() => onClose()}
      onSubmit={(v, form) =>
        send.mutate(
          { projectId, fromDepartment: v.fromDepartment, toDepartment: v.toDepartment, subject: v.subject, details: v.details, requiredResult: v.requiredResult, dueAt: v.dueAt?.toISOString() ?? '' },
          { onSuccess: (f) => onClose(f.id), onError: (e) => fail(e, { form, fields: FIELDS }) },
        )
      }
    >
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="fromDepartment" label={t('contactForms.from')} rules={[{ required: true }]}>
          <Select style={{ minWidth: 140 }} options={options(mine)} aria-label={t('contactForms.from')} />
        </Form.Item>
        <Form.Item name="toDepartment" label={t('contactForms.to')} rules={[{ required: true, message: t('contactForms.toRequired') }]}>
          <Select style={{ minWidth: 140 }} options={options(DEPARTMENTS)} aria-label={t('contactForms.to')} />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label={t('contactForms.subject')} rules={[{ required: true, message: t('contactForms.subjectRequired') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="details" label={t('contactForms.details')} rules={[{ required: true, message: t('contactForms.detailsRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="requiredResult" label={t('contactForms.requiredResult')} rules={[{ required: true, message: t('contactForms.requiredResultRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="dueAt" label={t('contactForms.dueAt')} rules={[{ required: true, message: t('contactForms.dueAtRequired') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** 工作联系单: what the user's department received and sent, overdue ones red on both sides. */
export function ContactFormsPage() {
  const { current } = useProject();
  const me = useMe();
  const navigate = useNavigate();
  const [box, setBox] = useState<'in' | 'out'>('in');
  const [adding, setAdding] = useState(false);
  const list = useContactForms(current?.id, box);
  const narrow = Grid.useBreakpoint().md === false;
  const roles = new Set((me.data?.roles ?? []) as Role[]);
  const mine = DEPARTMENTS.filter((d) => headsDepartment(roles, d));

  const columns = [
    { key: 'number', title: t('contactForms.number'), render: (_: unknown, f: ContactForm) => <Link to={`/contact-forms/${f.id}`}>{f.number}</Link> },
    { key: 'dep', title: box === 'in' ? t('contactForms.from') : t('contactForms.to'), render: (_: unknown, f: ContactForm) => DEPARTMENT_LABELS[box === 'in' ? f.fromDepartment : f.toDepartment] },
    { key: 'subject', title: t('contactForms.subject'), dataIndex: 'subject', ellipsis: true },
    { key: 'status', title: t('contactForms.status'), render: (_: unknown, f: ContactForm) => <Tag color={f.status === 'closed' ? 'green' : f.status === 'replied' ? 'cyan' : 'orange'}>{CONTACT_FORM_STATUS_LABELS[f.status]}</Tag> },
    { key: 'due', title: t('contactForms.dueAt'), render: (_: unknown, f: ContactForm) => <Countdown sla={f.sla} />, responsive: ['md' as const] },
  ];

  return (
    <div>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('contactForms.title')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} aria-label={t('error.retry')} loading={list.isFetching} onClick={() => void list.refetch()} />
          {mine.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="contact-form-new">
              {t('contactForms.new')}
            </Button>
          )}
        </Space>
      </Space>
      <Tabs
        activeKey={box}
        onChange={(k) => setBox(k as 'in' | 'out')}
        items={[
          { key: 'in', label: t('contactForms.inbox') },
          { key: 'out', label: t('contactForms.outbox') },
        ]}
      />
      {list.isPending && current ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ContactForm>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          columns={columns}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('contactForms.none')} /> }}
          onRow={(f) => ({ onClick: () => void navigate(`/contact-forms/${f.id}`), style: { cursor: 'pointer' } })}
        />
      )}
      {adding && current && (
        <SendModal
          projectId={current.id}
          mine={mine}
          onClose={(id) => {
            setAdding(false);
            if (id) void navigate(`/contact-forms/${id}`);
          }}
        />
      )}
    </div>
  );
}
