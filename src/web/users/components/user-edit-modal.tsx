import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useEffect, useState } from 'react';
import type { Role } from '../../../domain/shared/roles';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useUpdateUser, useUsers, type UserRow } from '../api';
import { RoleAndProjectFields } from './user-fields';
import { savingOk } from '../../components/saving-ok';

interface Values {
  displayName: string;
  roles: Role[];
  projectIds: string[];
  enabled: boolean;
  password?: string;
}

const FIELDS = ['displayName', 'roles', 'projectIds', 'password', 'enabled'] as const;
const toValues = (u: UserRow): Values => ({ displayName: u.displayName, roles: u.roles, projectIds: u.projectIds, enabled: !u.disabled, password: '' });

/**
 * Edit roles, projects, name, enabled state, or reset the password. The save carries the version the
 * form was opened with; a 409 means someone else saved first: the form reloads their version and says so.
 */
export function UserEditModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const users = useUsers();
  const { message } = App.useApp();
  const [base, setBase] = useState(user);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => form.setFieldsValue(toValues(base)), [base, form]);

  const onFinish = (v: Values) => {
    setError(null);
    update.mutate(
      {
        id: base.id,
        version: base.version,
        displayName: v.displayName.trim(),
        roles: v.roles,
        projectIds: v.projectIds ?? [],
        disabled: !v.enabled,
        ...(v.password ? { password: v.password } : {}),
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: async (e) => {
          if (isApiError(e) && e.status === 409) {
            setConflict(true);
            const fresh = (await users.refetch()).data?.items.find((u) => u.id === base.id);
            if (fresh) setBase(fresh);
          } else if (!applyFieldErrors(form, e, FIELDS, { disabled: 'enabled' })) {
            setError(isApiError(e) ? e.message : t('error.unknown'));
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('users.edit')} · ${user.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(update.isPending)}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {conflict && <Alert type="warning" showIcon title={t('error.conflict')} style={{ marginBottom: 16 }} role="alert" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={toValues(user)}>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <RoleAndProjectFields />
        <Form.Item name="enabled" label={t('users.status')} valuePropName="checked">
          <Switch checkedChildren={t('users.enabled')} unCheckedChildren={t('users.disabled')} />
        </Form.Item>
        <Form.Item name="password" label={t('users.newPassword')} extra={t('users.newPasswordHint')} rules={[{ min: 8, message: t('users.passwordRule') }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
