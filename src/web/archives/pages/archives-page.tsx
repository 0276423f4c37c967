import { Button, Card, Empty, Grid, Input, Progress, Select, Space, Switch, Table, Tabs, Tag, Typography, Form, Modal } from 'antd';
import { PrinterOutlined, PlusOutlined, UploadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Completeness, DocumentView, HouseholdArchive, TemplateView } from '../../../domain/archives/archives.contract';
import { ARCHIVE_DEPARTMENTS, ARCHIVE_DEPARTMENT_LABELS, SIGNOFF_KIND_LABELS, type ArchiveDepartment } from '../../../domain/archives/departments';
import { ErrorResult } from '../../components/error-result';
import { ActionErrorAlert } from '../../components/action-error-alert';
import { PageLoading } from '../../components/page-loading';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useProject } from '../../lib/project-context';
import { applyFieldErrors } from '../../lib/form-errors';
import { useArchiveByUnit, useCompleteness, useCreateTemplate, useSignoffs, useTemplates, useToggleTemplate, useUploadScan } from '../api';
import { RecordModal } from '../components/record-modal';
import { SignoffModal } from '../components/signoff-modal';
import { savingOk } from '../../components/saving-ok';

/** Upload a scan of a received document; the server refuses other types (by content) and big files. */
function ScanButton({ householdId, doc }: { householdId: string; doc: DocumentView }) {
  const upload = useUploadScan(householdId, doc.templateId);
  const { message } = App.useApp();
  return (
    <label style={{ display: 'inline-block' }}>
      <input
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) upload.mutate(file, { onSuccess: () => void message.success(t('arc.scan.done')), onError: (err) => void message.error(isApiError(err) ? err.message : t('error.unknown')) });
        }}
      />
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} onClick={(e) => (e.currentTarget.previousElementSibling as HTMLInputElement | null)?.click()}>
        {t('arc.scan.upload')}
      </Button>
    </label>
  );
}

const pct = (complete: number, total: number) => (total ? Math.round((complete / total) * 100) : 0);

function HouseholdArchiveView({ archive }: { archive: HouseholdArchive }) {
  const [editing, setEditing] = useState<DocumentView | null>(null);
  const [signing, setSigning] = useState(false);
  const signoffs = useSignoffs(archive.householdId);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="archive-unit">
          {archive.unitCode}
        </Typography.Title>
        {archive.complete ? <Tag color="green">{t('arc.complete')}</Tag> : <Tag color="red">{t('arc.incomplete', { n: archive.expected - archive.received })}</Tag>}
        <Typography.Text type="secondary">{t('arc.progress', { received: archive.received, expected: archive.expected })}</Typography.Text>
      </Space>
      {archive.departments.map((d) => (
        <Card key={d.department} size="small" title={ARCHIVE_DEPARTMENT_LABELS[d.department]} extra={d.missing.length ? <Tag color="orange">{t('arc.incomplete', { n: d.missing.length })}</Tag> : <Tag color="green">{t('arc.complete')}</Tag>}>
          <Table<DocumentView>
            rowKey="templateId"
            size="small"
            pagination={false}
            dataSource={d.documents}
            scroll={{ x: 800 }}
            onRow={(doc) => ({ 'data-testid': `doc-${doc.name}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('arc.col.document'), dataIndex: 'name' },
              { title: t('arc.col.status'), key: 'status', render: (_, doc) => (doc.status === 'received' ? <Tag color="green">{t('arc.received')}</Tag> : <Tag color="red">{t('arc.missing')}</Tag>) },
              { title: t('arc.col.handedOver'), key: 'handed', render: (_, doc) => (doc.handedOverBy ? `${doc.handedOverBy} / ${doc.handedOverOn ?? ''}` : '—') },
              { title: t('arc.col.receivedBy'), key: 'recv', render: (_, doc) => doc.receivedByName ?? '—' },
              { title: t('arc.col.location'), key: 'loc', render: (_, doc) => doc.location ?? '—' },
              {
                title: t('arc.col.scans'),
                key: 'scans',
                render: (_, doc) => (
                  <Space direction="vertical" size={0}>
                    {doc.scans.map((s) => (
                      <a key={s.id} href={s.url}>
                        <PaperClipOutlined /> {s.fileName}
                      </a>
                    ))}
                  </Space>
                ),
              },
              ...(archive.canRecord
                ? [{ title: t('arc.col.actions'), key: 'a', render: (_: unknown, doc: DocumentView) => (
                      <Space size={4} wrap>
                        <Button size="small" onClick={() => setEditing(doc)}>
                          {t('arc.record')}
                        </Button>
                        {doc.status === 'received' && <ScanButton householdId={archive.householdId} doc={doc} />}
                      </Space>
                    ),
                  },
                ]
                : []),
            ]}
          />
        </Card>
      ))}
      <Card
        size="small"
        title={t('arc.signoffs')}
        extra={
          <Space>
            {archive.canRecord && (
              <Button size="small" type="primary" onClick={() => setSigning(true)}>
                {t('arc.signoffs.add')}
              </Button>
            )}
            <Link to={`/archives/households/${archive.householdId}/print`}>
              <Button size="small" icon={<PrinterOutlined />}>
                {t('arc.signoffs.print')}
              </Button>
            </Link>
          </Space>
        }
      >
        {signoffs.isError ? (
          <ErrorResult error={signoffs.error} onRetry={() => void signoffs.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={signoffs.isPending}
            pagination={false}
            dataSource={signoffs.data?.items ?? []}
            locale={{ emptyText: t('arc.signoffs.empty') }}
            scroll={{ x: 560 }}
            columns={[
              { title: t('arc.signoffs.kind'), key: 'k', render: (_, s) => SIGNOFF_KIND_LABELS[s.kind] },
              { title: t('arc.signoffs.itemsCol'), key: 'i', render: (_, s) => s.items.join('、') },
              { title: t('arc.signoffs.signerRole'), dataIndex: 'signerName' },
              { title: t('arc.signoffs.at'), key: 'at', render: (_, s) => new Date(s.at).toLocaleString('zh-CN', { hour12: false }) },
              { title: '', key: 'sig', render: (_, s) => <img src={s.signature} alt={t('arc.signoffs')} style={{ height: 28 }} /> },
            ]}
          />
        )}
      </Card>
      {editing && <RecordModal householdId={archive.householdId} doc={editing} onClose={() => setEditing(null)} />}
      {signing && <SignoffModal archive={archive} onClose={() => setSigning(false)} />}
    </Space>
  );
}

function HouseholdTab({ projectId }: { projectId: string | undefined }) {
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? '';
  const archive = useArchiveByUnit(projectId, unit);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Input.Search allowClear defaultValue={unit} placeholder={t('arc.unitPlaceholder')} aria-label={t('arc.unitCode')} style={{ maxWidth: 320 }} onSearch={(v) => setParams({ tab: 'household', unit: v.trim() })} />
      {!unit ? (
        <Empty description={t('arc.lookupHint')} />
      ) : archive.isPending ? (
        <PageLoading />
      ) : archive.isError ? (
        isApiError(archive.error) && archive.error.status === 404 ? <Empty description={archive.error.message} /> : <ErrorResult error={archive.error} onRetry={() => void archive.refetch()} />
      ) : (
        <HouseholdArchiveView archive={archive.data} />
      )}
    </Space>
  );
}

const deptColumns = ARCHIVE_DEPARTMENTS.map((d) => ({ title: `${ARCHIVE_DEPARTMENT_LABELS[d]}${t('arc.missing')}`, key: d, render: (_: unknown, r: { missingByDepartment: Record<ArchiveDepartment, number> }) => r.missingByDepartment[d] }));

function CompletenessTab({ projectId }: { projectId: string | undefined }) {
  const c = useCompleteness(projectId);
  if (c.isPending) return <PageLoading />;
  if (c.isError) return <ErrorResult error={c.error} onRetry={() => void c.refetch()} />;
  const data: Completeness = c.data;
  if (data.project.households === 0) return <Empty description={t('arc.completeness.empty')} />;
  const rate = (r: { households: number; complete: number }) => <Progress percent={pct(r.complete, r.households)} size="small" style={{ minWidth: 100 }} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap size="large">
          <span>
            {t('arc.completeness.households')}：<b>{data.project.households}</b>
          </span>
          <span data-testid="arc-complete-count">
            {t('arc.completeness.complete')}：<b>{data.project.complete}</b>
          </span>
          <Progress type="circle" size={56} percent={pct(data.project.complete, data.project.households)} />
        </Space>
      </Card>
      <Table rowKey="id" size="small" pagination={false} dataSource={data.districts} scroll={{ x: 600 }} columns={[{ title: t('arc.completeness.district'), dataIndex: 'name' }, { title: t('arc.completeness.households'), dataIndex: 'households' }, { title: t('arc.completeness.rate'), key: 'r', render: (_, r) => rate(r) }, ...deptColumns]} />
      <Table rowKey="id" size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} dataSource={data.buildings} scroll={{ x: 600 }} columns={[{ title: t('arc.completeness.building'), dataIndex: 'name' }, { title: t('arc.completeness.households'), dataIndex: 'households' }, { title: t('arc.completeness.rate'), key: 'r', render: (_, r) => rate(r) }, ...deptColumns]} />
      <Card size="small" title={t('arc.completeness.missingDocs')}>
        {ARCHIVE_DEPARTMENTS.map((d) => (
          <div key={d} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{ARCHIVE_DEPARTMENT_LABELS[d]}：</Typography.Text>
            {data.missingDocuments
              .filter((m) => m.department === d && m.households > 0)
              .map((m) => (
                <Tag key={m.name} style={{ marginBottom: 4 }}>
                  {m.name} {m.households}
                </Tag>
              ))}
          </div>
        ))}
      </Card>
    </Space>
  );
}

function TemplateTab({ projectId }: { projectId: string | undefined }) {
  const list = useTemplates(projectId);
  const toggle = useToggleTemplate();
  const create = useCreateTemplate();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ department: ArchiveDepartment; name: string }>();
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      {list.data.canEdit && (
        <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          {t('arc.template.add')}
        </Button>
      )}
      <Table<TemplateView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data.items}
        columns={[
          { title: t('arc.template.department'), key: 'd', render: (_, r) => ARCHIVE_DEPARTMENT_LABELS[r.department] },
          { title: t('arc.template.name'), dataIndex: 'name' },
          { title: t('arc.template.active'), key: 'a', render: (_, r) => <Switch checked={r.active} disabled={!list.data.canEdit} loading={toggle.isPending && toggle.variables?.id === r.id} onChange={(active) => toggle.mutate({ id: r.id, version: r.version, active })} /> },
        ]}
      />
      {adding && projectId && (
        <Modal
          open
          title={t('arc.template.add')}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
          okButtonProps={savingOk(create.isPending)}
          onCancel={() => setAdding(false)}
          onOk={() =>
            void form.validateFields().then((v) => create.mutate({ projectId, department: v.department, name: v.name }, { onSuccess: () => setAdding(false), onError: (e) => applyFieldErrors(form, e, ['department', 'name']) }))
          }
          destroyOnHidden
        >
          <ActionErrorAlert error={create.error} testId="template-error" />
          <Form form={form} layout="vertical" requiredMark={false} initialValues={{ department: 'engineering' }}>
            <Form.Item name="department" label={t('arc.template.department')}>
              <Select options={ARCHIVE_DEPARTMENTS.map((d) => ({ value: d, label: ARCHIVE_DEPARTMENT_LABELS[d] }))} />
            </Form.Item>
            <Form.Item name="name" label={t('arc.template.name')}>
              <Input maxLength={60} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}

/** 业户档案: each household's checklist by source department, signatures, and completeness across the estate. */
export function ArchivesPage() {
  const { current } = useProject();
  const [params, setParams] = useSearchParams();
  const narrow = Grid.useBreakpoint().md === false;
  const tab = params.get('tab') ?? 'household';
  return (
    <div style={{ padding: narrow ? 12 : 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('arc.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'household', label: t('arc.tab.household'), children: <HouseholdTab projectId={current?.id} /> },
          { key: 'completeness', label: t('arc.tab.completeness'), children: <CompletenessTab projectId={current?.id} /> },
          { key: 'template', label: t('arc.tab.template'), children: <TemplateTab projectId={current?.id} /> },
        ]}
      />
    </div>
  );
}
