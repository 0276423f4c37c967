import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { savingOk } from './saving-ok';

interface Props<V> {
  title: string;
  okText?: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (values: V, form: FormInstance<V>) => void;
  initialValues?: Partial<V>;
  children: ReactNode;
}

/** A small dialog with one form: the shape of every action on a record (reason, note, target). */
export function FormModal<V extends object>({ title, okText, loading, onCancel, onSubmit, initialValues, children }: Props<V>) {
  const [form] = Form.useForm<V>();
  return (
    <Modal open title={title} okText={okText ?? title} okButtonProps={savingOk(loading)} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => onSubmit(v, form)}>
        {children}
      </Form>
    </Modal>
  );
}
