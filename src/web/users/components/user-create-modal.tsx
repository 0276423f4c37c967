import { Alert, App, Form, Input, Modal } from 'antd';
import { t } from '../../i18n/zh-CN';
import { applyFieldErrors } from '../../lib/form-errors';
import { useCreateUser, type UserCreateBody } from '../api';
import { RoleAndProjectFields } from './user-fields';
import { savingOk } from '../../components/saving-ok';

const FIELDS = ['username', 'displayName', 'password', 'roles', 'projectIds'] as const;

export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UserCreateBody>();
  const create = useCreateUser();
  const { message } = App.useApp();
  // Errors the form cannot place on a field (e.g. a network failure) show as a banner.
  const banner = create.error;

  const onFinish = (v: UserCreateBody) =>
    create.mutate(
      { ...v, username: v.username.trim(), displayName: v.displayName.trim(), projectIds: v.projectIds ?? [] },
      {
        onSuccess: (u) => {
          message.success(t('users.created', { name: u.displayName }));
          form.resetFields();
          create.reset();
          onClose();
        },
        onError: (e) => {
          if (applyFieldErrors(form, e, FIELDS)) create.reset();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(create.isPending)}
      onOk={() => form.submit()}
      onCancel={() => {
        create.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {banner && <Alert type="error" showIcon title={banner.message} style={{ marginBottom: 16 }} role="alert" />}
      <Form<UserCreateBody> form={form} layout="vertical" onFinish={onFinish} initialValues={{ roles: [], projectIds: [] }} preserve={false}>
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}>
          <Input autoFocus autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label={t('users.password')} rules={[{ required: true, min: 8, message: t('users.passwordRule') }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <RoleAndProjectFields />
      </Form>
    </Modal>
  );
}
