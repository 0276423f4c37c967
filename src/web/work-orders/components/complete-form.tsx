import { Button, Form, Input } from 'antd';
import { t } from '../../i18n/zh-CN';
import { PhotoPicker } from './photo-picker';

export interface CompleteValues {
  result: string;
  materials?: string;
  photos: string[];
}

/** 完工: what was done, what was used, photos of the result. */
export function CompleteForm({ loading, onSubmit }: { loading: boolean; onSubmit: (v: CompleteValues, setFieldErrors: (field: string, message: string) => void) => void }) {
  const [form] = Form.useForm<CompleteValues>();
  return (
    <Form<CompleteValues>
      form={form}
      layout="vertical"
      initialValues={{ result: '', materials: '', photos: [] }}
      onFinish={(v) => onSubmit(v, (name, message) => form.setFields([{ name: name as keyof CompleteValues, errors: [message] }]))}
      size="large"
    >
      <Form.Item name="result" label={t('tasks.result')} rules={[{ required: true, whitespace: true, min: 2, message: t('tasks.resultRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="materials" label={t('tasks.materials')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="photos">
        <PhotoPicker />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={loading} style={{ height: 56, fontSize: 18 }}>
        {t('tasks.complete')}
      </Button>
    </Form>
  );
}
