import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { t } from '../../../i18n/zh-CN';
import { isApiError } from '../../../lib/api';
import { useAssignees, useChaseCall, useReassignWorkOrder, useWorkOrderBrief } from '../api';
import type { BoardItem } from '../../../../domain/work-orders/call-views.contract';
import type { BoardWorkOrder } from '../../../../domain/work-orders/work-orders.contract';
import { rt } from '../messages';
import { savingOk } from '../../../components/saving-ok';

const errorText = (e: unknown) => (isApiError(e) ? e.message : t('error.unknown'));

/** 催办: chases the item (and its open work order) with an optional note. */
export function ChaseDialog({ item, onClose }: { item: BoardItem; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const chase = useChaseCall();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={rt('board.chaseTitle', { number: item.number })}
      okText={rt('board.chase')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(chase.isPending)}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          chase.mutate(
            { callId: item.id, note: v.note?.trim() },
            {
              onSuccess: () => {
                message.success(rt('board.chased'));
                onClose();
              },
              onError: (e) => message.error(errorText(e)),
            },
          )
        }
      >
        <Form.Item name="note" label={rt('board.chaseNote')}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 改派: gives the latest work order to another technician (or warranty engineer for Z). */
export function ReassignDialog({ projectId, item, workOrder, onClose }: { projectId: string; item: BoardItem; workOrder: BoardWorkOrder; onClose: () => void }) {
  const [form] = Form.useForm<{ assigneeId: string }>();
  const assignees = useAssignees(projectId, item.class === 'Z' ? 'Z' : 'normal', true);
  const detail = useWorkOrderBrief(workOrder.id);
  const reassign = useReassignWorkOrder();
  const currentId = detail.data?.assigneeId ?? null;
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={rt('board.reassignTitle', { number: workOrder.number })}
      okText={rt('board.reassign')}
      cancelText={t('common.cancel')}
      okButtonProps={savingOk(reassign.isPending, { disabled: !detail.data })}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {detail.data?.assigneeName && <Typography.Paragraph type="secondary">{rt('board.currentAssignee', { name: detail.data.assigneeName })}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          detail.data &&
          reassign.mutate(
            { workOrderId: workOrder.id, version: detail.data.version, assigneeId: v.assigneeId },
            {
              onSuccess: () => {
                message.success(rt('board.reassigned'));
                onClose();
              },
              onError: (e) => message.error(isApiError(e) && e.status === 409 ? t('error.conflict') : errorText(e)),
            },
          )
        }
      >
        <Form.Item name="assigneeId" label={rt('board.assignee')} rules={[{ required: true, message: rt('board.assigneeRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={assignees.isPending}
            options={(assignees.data?.items ?? []).map((a) => ({ value: a.id, label: a.displayName, disabled: a.id === currentId }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
