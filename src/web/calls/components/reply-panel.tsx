import { App, Button, Card, Checkbox, Empty, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { REPLY_CHANNEL_LABELS } from '../../../domain/calls/labels';
import { t } from '../../i18n/zh-CN';
import { useCallAction } from '../api';
import type { CallDetail } from '../../../domain/work-orders/call-views.contract';
import type { CallReply, ReplyChannel } from '../../../domain/calls/call-record.contract';
import { useActionError } from '../../lib/use-action-error';
import { savingOk } from '../../components/saving-ok';

interface ReplyValues {
  channel: ReplyChannel;
  content: string;
  final: boolean;
}

const CHANNELS = Object.keys(REPLY_CHANNEL_LABELS) as ReplyChannel[];

/** Every reply to the household (CALL-9); the final one tells how it ended and allows the close-out. */
export function ReplyPanel({ call }: { call: CallDetail }) {
  const [form] = Form.useForm<ReplyValues>();
  const add = useCallAction<ReplyValues, CallReply>(call.id, 'replies');
  const fail = useActionError();
  const { message } = App.useApp();

  const onFinish = (v: ReplyValues) =>
    add.mutate(
      { channel: v.channel, content: v.content.trim(), final: Boolean(v.final) },
      {
        onSuccess: () => {
          message.success(t('reply.saved'));
          form.resetFields();
        },
        onError: (e) => fail(e, { form, fields: ['channel', 'content', 'final'] }),
      },
    );

  return (
    <Card size="small" title={t('call.replies')} data-testid="reply-panel">
      {call.replies.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.noReplies')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {call.replies.map((r) => (
            <div key={r.id} data-testid="reply">
              <Space size={4} wrap>
                <Typography.Text type="secondary">{dayjs(r.at).format('MM-DD HH:mm')}</Typography.Text>
                <Tag>{REPLY_CHANNEL_LABELS[r.channel] ?? r.channel}</Tag>
                {r.final && <Tag color="green">{t('call.final')}</Tag>}
                <Typography.Text type="secondary">{r.byName ?? ''}</Typography.Text>
              </Space>
              <div>{r.content}</div>
            </div>
          ))}
        </Space>
      )}
      {call.abilities.reply && (
        <Form<ReplyValues> form={form} layout="vertical" initialValues={{ channel: 'phone', content: '', final: false }} onFinish={onFinish} style={{ marginTop: 16 }}>
          <Space align="start" wrap>
            <Form.Item name="channel" label={t('reply.channel')} style={{ marginBottom: 8 }}>
              <Select aria-label={t('reply.channel')} style={{ width: 110 }} options={CHANNELS.map((c) => ({ value: c, label: REPLY_CHANNEL_LABELS[c] }))} />
            </Form.Item>
            <Form.Item name="final" valuePropName="checked" label=" " style={{ marginBottom: 8 }}>
              <Checkbox>{t('reply.final')}</Checkbox>
            </Form.Item>
          </Space>
          <Form.Item name="content" label={t('reply.content')} rules={[{ required: true, whitespace: true, min: 2, message: t('reply.contentRequired') }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Button htmlType="submit" {...savingOk(add.isPending)}>
            {t('reply.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
