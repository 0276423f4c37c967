import { App, Alert, Button, Card, Col, Empty, Form, Input, Radio, Row, Space, Table, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { HELP_CATEGORY_LABELS, suggestHelpCategory } from '../../../domain/help/labels';
import { HELP_CATEGORIES, type HelpCategory } from '../../../domain/help/help.table';
import { Countdown } from '../../components/countdown';
import { ErrorResult } from '../../components/error-result';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { applyFieldErrors } from '../../lib/form-errors';
import { useProject } from '../../lib/project-context';
import { useCreateHelp, useHelpList, type HelpRequestJson } from '../api';
import { HelpCategoryTag, HelpStatusTag } from '../components/help-tags';

interface Values {
  category?: HelpCategory;
  requesterName: string;
  phone?: string;
  need: string;
  answer?: string;
}
const FIELDS = ['category', 'requesterName', 'phone', 'need', 'answer'] as const;
const LETTERS = 'abcdefg';

/**
 * 住户求助 at the desk: keyboard first. A word typed in the search suggests the category (Enter takes it),
 * Alt+1…7 picks one, Ctrl+Enter records. An inquiry is answered and closed on the spot; anything else opens its
 * page, where the five-minute clock runs and a playbook can be started.
 */
export function HelpDeskPage() {
  const { current } = useProject();
  const projectId = current?.id;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const searchRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  const create = useCreateHelp();
  const list = useHelpList(projectId);
  const category = Form.useWatch('category', form);
  const suggestion = suggestHelpCategory(search);

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const pick = (c: HelpCategory) => {
    form.setFieldValue('category', c);
    if (!form.getFieldValue('need') && search.trim()) form.setFieldValue('need', search.trim());
    requestAnimationFrame(() => nameRef.current?.focus());
  };

  const submit = async () => {
    if (!projectId) return;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      const r = await create.mutateAsync({ projectId, category: v.category!, requesterName: v.requesterName, phone: v.phone || undefined, need: v.need, answer: v.category === 'inquiry' ? v.answer : undefined });
      message.success(t('help.saved', { number: r.number }));
      if (r.routedTo && r.routedRef) message.info(t('help.routed', { kind: t(r.routedTo === 'complaint' ? 'help.linked.complaint' : 'help.linked.call'), number: r.routedRef }));
      form.resetFields();
      setSearch('');
      if (r.status === 'closed') searchRef.current?.focus();
      else void navigate(`/help/${r.id}`);
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) message.error(isApiError(e) ? e.message : t('error.unknown'));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
      return;
    }
    if (e.altKey && /^[1-7]$/.test(e.key)) {
      e.preventDefault();
      pick(HELP_CATEGORIES[Number(e.key) - 1]);
    }
  };

  const columns = [
    { title: t('help.number'), dataIndex: 'number', render: (n: string, r: HelpRequestJson) => <Link to={`/help/${r.id}`}>{n}</Link> },
    { title: t('help.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => dayjs(v).format('HH:mm') },
    { title: t('help.category'), dataIndex: 'category', render: (c: HelpCategory) => <HelpCategoryTag value={c} /> },
    { title: t('help.need'), dataIndex: 'need', ellipsis: true },
    { title: t('help.status'), dataIndex: 'status', render: (s: HelpRequestJson['status']) => <HelpStatusTag value={s} /> },
    { title: t('help.firstResponse'), key: 'sla', render: (_: unknown, r: HelpRequestJson) => <Countdown sla={r.sla} /> },
  ];

  return (
    <Row gutter={[16, 16]} onKeyDown={onKeyDown}>
      <Col xs={24} xl={11}>
        <Card title={t('help.new')} size="small">
          <Input
            ref={searchRef}
            size="large"
            value={search}
            placeholder={t('help.search')}
            aria-label={t('help.search')}
            onChange={(e) => setSearch(e.target.value)}
            onPressEnter={() => suggestion && pick(suggestion)}
            data-testid="help-search"
          />
          <Typography.Text type="secondary" style={{ display: 'block', minHeight: 22, margin: '4px 0 8px' }}>
            {suggestion ? t('help.suggested', { label: HELP_CATEGORY_LABELS[suggestion] }) : t('help.categoryHint')}
          </Typography.Text>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
            <Form.Item name="category" label={t('help.category')} rules={[{ required: true, message: t('help.category') }]}>
              <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {HELP_CATEGORIES.map((c, i) => (
                  <Radio.Button key={c} value={c} data-testid={`help-cat-${c}`}>
                    {LETTERS[i]}) {HELP_CATEGORY_LABELS[c]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="requesterName" label={t('help.requester')} rules={[{ required: true, whitespace: true, message: t('help.requesterRequired') }]}>
                  <Input ref={nameRef} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="phone" label={t('help.phone')}>
                  <Input autoComplete="off" inputMode="tel" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="need" label={t('help.need')} rules={[{ required: true, whitespace: true, message: t('help.needRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            {category === 'inquiry' && (
              <Form.Item name="answer" label={t('help.answer')} rules={[{ required: true, whitespace: true, message: t('help.answerRequired') }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            )}
            {(category === 'repair' || category === 'complaint') && <Alert type="info" showIcon title={t('help.routed')} style={{ marginBottom: 12 }} />}
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="help-submit">
                {category === 'inquiry' ? t('help.submitInquiry') : t('help.submit')}
              </Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        <Card title={t('help.active')} size="small" extra={<Link to="/help/playbooks">{t('playbooks.link')}</Link>}>
          {list.isError ? (
            <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <Table<HelpRequestJson>
              rowKey="id"
              size="small"
              loading={list.isPending}
              dataSource={list.data ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: 560 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('help.none')} /> }}
              data-testid="help-list"
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
