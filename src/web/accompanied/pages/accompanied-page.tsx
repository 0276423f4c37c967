import { App, Button, Card, Empty, Form, Grid, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { AccompaniedReport, AccompaniedSession } from '../../../domain/accompanied/accompanied.contract';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useProject } from '../../lib/project-context';
import { useMe } from '../../lib/session';
import { useEndSession, useMySessions, useReport, useStartSession } from '../api';
import { beijingTime } from '../format';
import { savingOk } from '../../components/saving-ok';

const LEAD_ROLES = new Set(['eng_lead', 'guard_leader']);
const CS_ROLES = new Set(['cs_specialist', 'cs_assistant', 'front_desk', 'account_manager']);
const REPORT_ROLES = new Set(['cs_supervisor', 'centre_manager', 'admin']);

interface Ask {
  unitCode: string;
  reason: string;
}

/** The lead fills in the room and why; the CS staff member beside him confirms in the dialog with their own password. */
function StartCard({ leadName }: { leadName: string }) {
  const [form] = Form.useForm<Ask>();
  const [confirmForm] = Form.useForm<{ csUsername: string; csPassword: string }>();
  const [ask, setAsk] = useState<Ask | null>(null);
  const start = useStartSession();
  const navigate = useNavigate();
  const close = () => {
    setAsk(null);
    confirmForm.resetFields();
    start.reset();
  };
  return (
    <Card title={t('acc.start.card')} data-testid="acc-start">
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => setAsk(v)} style={{ maxWidth: 480 }}>
        <Form.Item name="unitCode" label={t('acc.unitCode')} rules={[{ required: true, message: t('acc.unitPlaceholder') }]}>
          <Input placeholder={t('acc.unitPlaceholder')} autoComplete="off" data-testid="acc-unit" />
        </Form.Item>
        <Form.Item name="reason" label={t('acc.reason')} rules={[{ required: true, min: 2, message: t('acc.reasonPlaceholder') }]}>
          <Input placeholder={t('acc.reasonPlaceholder')} autoComplete="off" data-testid="acc-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} data-testid="acc-ask">
          {t('acc.ask')}
        </Button>
      </Form>
      <Modal
        open={Boolean(ask)}
        title={t('acc.confirm.title')}
        okText={t('acc.confirm.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={savingOk(start.isPending, { 'data-testid': 'acc-confirm-ok' } as ButtonProps)}
        onCancel={close}
        onOk={() => confirmForm.submit()}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('acc.confirm.lead', { name: leadName })}</Typography.Text>
          <Typography.Text>{t('acc.confirm.room', { unit: ask?.unitCode ?? '', reason: ask?.reason ?? '' })}</Typography.Text>
          <Typography.Paragraph type="secondary">{t('acc.confirm.hint')}</Typography.Paragraph>
          {start.error && !(isApiError(start.error) && start.error.fields.some((f) => f.path.startsWith('body.cs'))) ? <ActionErrorAlert error={start.error} testId="acc-start-error" /> : null}
          <Form
            form={confirmForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) =>
              ask &&
              start.mutate(
                { ...ask, ...v },
                {
                  onSuccess: (s) => {
                    close();
                    void navigate(`/accompanied/${s.id}`);
                  },
                  onError: (err) => {
                    applyFieldErrors(confirmForm, err, ['csUsername', 'csPassword']);
                    applyFieldErrors(form, err, ['unitCode', 'reason']);
                  },
                },
              )
            }
          >
            <Form.Item name="csUsername" label={t('acc.csUsername')} rules={[{ required: true, message: t('acc.csUsername') }]}>
              <Input autoComplete="off" data-testid="acc-cs-username" />
            </Form.Item>
            <Form.Item name="csPassword" label={t('acc.csPassword')} rules={[{ required: true, message: t('acc.csPassword') }]}>
              <Input.Password autoComplete="new-password" data-testid="acc-cs-password" />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </Card>
  );
}

function MySessions({ canOpen }: { canOpen: boolean }) {
  const mine = useMySessions(true);
  const end = useEndSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Card title={t('acc.mine.title')} data-testid="acc-mine">
      {mine.data && mine.data.length === 0 ? (
        <Empty description={t('acc.mine.empty')} />
      ) : (
        <Table<AccompaniedSession>
          rowKey="id"
          size="small"
          pagination={false}
          loading={mine.isLoading}
          dataSource={mine.data ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('acc.col.unit'), dataIndex: 'unitCode' },
            { title: t('acc.col.lead'), dataIndex: 'leadName' },
            { title: t('acc.col.cs'), dataIndex: 'csName' },
            { title: t('acc.col.started'), render: (_, s) => beijingTime(s.startedAt) },
            {
              title: '',
              render: (_, s) => (
                <Space>
                  {canOpen ? (
                    <Button size="small" icon={<EyeOutlined />} onClick={() => void navigate(`/accompanied/${s.id}`)}>
                      {t('acc.open')}
                    </Button>
                  ) : null}
                  <Button size="small" danger {...savingOk(end.isPending)} data-testid="acc-end-mine" onClick={() => end.mutate(s.id, { onError: (err) => void message.error(isApiError(err) ? err.message : t('error.unknown')) })}>
                    {t('acc.end')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

type ReportRow = AccompaniedReport['items'][number];

function ReportCard() {
  const { current } = useProject();
  const report = useReport(current?.id, true);
  const narrow = Grid.useBreakpoint().md === false;
  const ending = (r: ReportRow) =>
    r.active ? <Tag color="processing">{t('acc.running')}</Tag> : r.endedAt ? `${beijingTime(r.endedAt)} ${t('acc.endedBy', { name: r.endedByName ?? '' })}` : `${beijingTime(r.expiresAt)} ${t('acc.expired')}`;
  const views = (r: ReportRow) => `${t('acc.viewsCount', { n: r.views.length })}${r.views.length ? `（${r.views.map((v) => `${beijingTime(v.at)} ${v.byName}`).join('；')}）` : ''}`;
  // On a phone: one card per session instead of a table squeezed into seven columns.
  if (narrow)
    return (
      <Card title={t('acc.report.title')} data-testid="acc-report">
        <List<ReportRow>
          loading={report.isLoading}
          dataSource={report.data ?? []}
          locale={{ emptyText: t('acc.report.empty') }}
          pagination={{ pageSize: 5, size: 'small' }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{`${r.unitCode}　${r.leadName} / ${r.csName}`}</Typography.Text>
                <Typography.Text>{r.reason}</Typography.Text>
                <Typography.Text type="secondary">
                  {beijingTime(r.startedAt)} — {ending(r)}
                </Typography.Text>
                <Typography.Text>{views(r)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    );
  return (
    <Card title={t('acc.report.title')} data-testid="acc-report">
      <Table<ReportRow>
        rowKey="id"
        size="small"
        loading={report.isLoading}
        dataSource={report.data ?? []}
        locale={{ emptyText: t('acc.report.empty') }}
        scroll={{ x: true }}
        pagination={{ pageSize: narrow ? 5 : 20 }}
        columns={[
          { title: t('acc.col.unit'), dataIndex: 'unitCode' },
          { title: t('acc.col.lead'), dataIndex: 'leadName' },
          { title: t('acc.col.cs'), dataIndex: 'csName' },
          { title: t('acc.col.reason'), dataIndex: 'reason' },
          { title: t('acc.col.started'), render: (_, r) => beijingTime(r.startedAt) },
          {
            title: t('acc.col.ended'),
            render: (_, r) => (r.active ? <Tag color="processing">{t('acc.running')}</Tag> : r.endedAt ? `${beijingTime(r.endedAt)} ${t('acc.endedBy', { name: r.endedByName ?? '' })}` : `${beijingTime(r.expiresAt)} ${t('acc.expired')}`),
          },
          {
            title: t('acc.col.views'),
            render: (_, r) => (
              <Typography.Text title={r.views.map((v) => `${beijingTime(v.at)} ${v.byName}`).join('\n')}>
                {t('acc.viewsCount', { n: r.views.length })}
                {r.views.length ? `（${r.views.map((v) => `${beijingTime(v.at)} ${v.byName}`).join('；')}）` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 陪同查阅: the lead's entry with the CS confirmation, the running sessions, and the supervisors' report. */
export function AccompaniedPage() {
  const me = useMe();
  const roles = new Set(me.data?.roles ?? []);
  const lead = [...roles].some((r) => LEAD_ROLES.has(r));
  const cs = [...roles].some((r) => CS_ROLES.has(r));
  const supervisor = [...roles].some((r) => REPORT_ROLES.has(r));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('acc.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('acc.intro')}
      </Typography.Paragraph>
      {lead ? <StartCard leadName={me.data?.displayName ?? ''} /> : null}
      {lead || cs ? <MySessions canOpen={lead || cs} /> : null}
      {supervisor ? <ReportCard /> : null}
    </Space>
  );
}
