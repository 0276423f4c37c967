import { Form, Select } from 'antd';
import { ROLES } from '../../../domain/shared/roles';
import { roleLabels, t } from '../../i18n/zh-CN';
import { useAllProjects } from '../api';

const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabels[r] }));

/** Roles and projects, shared by the create and edit forms. */
export function RoleAndProjectFields() {
  const projects = useAllProjects();
  return (
    <>
      <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
        <Select mode="multiple" options={roleOptions} optionFilterProp="label" placeholder={t('users.roles')} />
      </Form.Item>
      <Form.Item name="projectIds" label={t('users.projects')}>
        <Select
          mode="multiple"
          loading={projects.isPending}
          optionFilterProp="label"
          placeholder={t('users.projects')}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
    </>
  );
}
