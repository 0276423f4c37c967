import { Alert, App, Button, Card, Empty, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { Countdown } from '../../components/countdown';
import { UrgencyTag, WorkOrderStatusTag } from '../../components/tags';
import { PageLoading } from '../../components/page-loading';
import { ErrorResult } from '../../components/error-result';
import { t } from '../../i18n/zh-CN';
import { isApiError } from '../../lib/api';
import { useTeam, useTeamWorkOrders, useReassign } from '../api';
import { isWorkOrderActive } from '../../../domain/work-orders/work-orders.status';
import type { TeamMember, WorkOrderItem } from '../../../domain/work-orders/work-orders.contract';
import { savingOk } from '../../components/saving-ok';

const byDue = (a: WorkOrderItem, b: WorkOrderItem) => (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9');

function MemberTag({ m }: { m: TeamMember }) {
  return m.open === 0 ? <Tag color="green">{t('team.free')}</Tag> : <Tag color={m.open >= 3 ? 'orange' : 'blue'}>{t('team.busy', { n: m.open })}</Tag>;
}

/** 派单/改派 on a phone: the team as a list of big radio rows, the least busy first. */
function ReassignSheet({ wo, team, onClose }: { wo: WorkOrderItem; team: TeamMember[]; onClose: () => void }) {
  const [pick, setPick] = useState<string | null>(null);
  const reassign = useReassign();
  const { message } = App.useApp();
  const name = team.find((m) => m.id === pick)?.displayName ?? '';
  return (
    <Modal
      open
      title={t('team.reassignTitle', { number: wo.number })}
      okText={t('team.reassign')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(reassign.isPending, { disabled: !pick, size: 'large' })}
      cancelButtonProps={{ size: 'large' }}
      onCancel={onClose}
      onOk={() =>
        pick &&
        reassign.mutate(
          { id: wo.id, version: wo.version, assigneeId: pick },
          {
            onSuccess: () => {
              message.success({ content: t('team.reassigned', { name }), key: 'team-reassign' });
              onClose();
            },
            onError: (e) => message.error({ content: isApiError(e) && e.status === 409 ? t('error.conflict') : isApiError(e) ? e.message : t('error.unknown'), key: 'team-reassign' }),
          },
        )
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {wo.unitCode ?? '—'} · {wo.content}
      </Typography.Paragraph>
      <Typography.Text strong>{t('team.pick')}</Typography.Text>
      <Radio.Group value={pick} onChange={(e) => setPick(e.target.value as string)} style={{ width: '100%', marginTop: 8 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {team.map((m) => (
            <Radio key={m.id} value={m.id} disabled={m.id === wo.assigneeId} style={{ fontSize: 17, padding: '8px 0' }} data-testid="team-pick">
              {m.displayName} {m.lead && <Tag>{t('team.leadTag')}</Tag>} <MemberTag m={m} /> {m.id === wo.assigneeId && <Tag>{t('team.current')}</Tag>}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  );
}

/**
 * The engineering lead's first screen (issue 13): who of his team is free, and his team's open jobs, each of which
 * he dispatches or re-dispatches from his phone. The server allows him his own project's normal repairs only.
 */
export function TeamBoard({ projectId }: { projectId: string }) {
  const team = useTeam(projectId);
  const jobs = useTeamWorkOrders(projectId);
  const [open, setOpen] = useState<WorkOrderItem | null>(null);
  if (team.isPending || jobs.isPending) return <PageLoading />;
  if (team.isError) return <ErrorResult error={team.error} onRetry={() => void team.refetch()} />;
  if (jobs.isError) return <ErrorResult error={jobs.error} onRetry={() => void jobs.refetch()} />;
  const items = [...jobs.data].sort(byDue);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small" title={t('team.members')} data-testid="team-members">
        <Space wrap size={[8, 8]}>
          {team.data.map((m) => (
            <span key={m.id} data-testid="team-member" style={{ fontSize: 16 }}>
              {m.displayName} <MemberTag m={m} />
            </span>
          ))}
        </Space>
      </Card>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {t('team.jobs')} <Tag>{items.length}</Tag>
      </Typography.Text>
      {items.length === 0 && <Empty description={t('team.none')} />}
      {items.map((w) => (
        <Card key={w.id} size="small" styles={{ body: { padding: 14 } }} data-testid="team-job">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
            <Link to={`/tasks/${w.id}`} style={{ fontSize: 20, fontWeight: 600 }}>
              {w.unitCode ?? '—'}
            </Link>
            <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
              <UrgencyTag value={w.urgency} />
              <WorkOrderStatusTag value={w.status} />
            </Space>
          </Space>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ fontSize: 16, margin: '6px 0' }}>
            {w.content}
          </Typography.Paragraph>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Text data-testid="team-job-assignee">{w.assigneeName ? t('team.assignee', { name: w.assigneeName }) : t('team.unassigned')}</Typography.Text>
            <Countdown sla={w.sla} strong />
          </Space>
          {isWorkOrderActive(w.status) && (
            <Button block size="large" style={{ marginTop: 10 }} onClick={() => setOpen(w)}>
              {t('team.reassign')}
            </Button>
          )}
        </Card>
      ))}
      {open && <ReassignSheet wo={open} team={team.data} onClose={() => setOpen(null)} />}
      {team.data.length === 0 && <Alert type="info" title={t('team.none')} />}
    </Space>
  );
}
