import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorResult } from '../../components/error-result';
import { roleLabels, t } from '../../i18n/zh-CN';
import { useAllProjects, useUsers, type UserRow } from '../api';
import { UserCreateModal } from '../components/user-create-modal';
import { UserEditModal } from '../components/user-edit-modal';

/** 用户管理 (admin only; the route is a 404 for everyone else, like the API). */
export function UsersPage() {
  const users = useUsers();
  const projects = useAllProjects();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [filter, setFilter] = useState('');

  const projectName = useMemo(() => new Map((projects.data?.items ?? []).map((p) => [p.id, p.name])), [projects.data]);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = users.data?.items ?? [];
    return f ? all.filter((u) => u.username.toLowerCase().includes(f) || u.displayName.includes(f)) : all;
  }, [users.data, filter]);

  const columns: TableColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.roles'), dataIndex: 'roles', render: (rs: UserRow['roles']) => rs.map((r) => <Tag key={r}>{roleLabels[r] ?? r}</Tag>) },
    { title: t('users.projects'), dataIndex: 'projectIds', render: (ids: string[]) => ids.map((id) => projectName.get(id) ?? id).join('、') },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (d: boolean) => (d ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>),
    },
    {
      title: t('users.actions'),
      key: 'actions',
      width: 90,
      render: (_, u) => (
        <Button type="link" size="small" onClick={() => setEditing(u)} aria-label={`${t('users.edit')} ${u.username}`}>
          {t('users.edit')}
        </Button>
      ),
    },
  ];

  if (users.isError) return <ErrorResult error={users.error} onRetry={() => void users.refetch()} />;

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('users.search')} aria-label={t('users.search')} onChange={(e) => setFilter(e.target.value)} style={{ width: 220 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
      }
    >
      <Table<UserRow> rowKey="id" size="small" loading={users.isPending} columns={columns} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      {editing && <UserEditModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
