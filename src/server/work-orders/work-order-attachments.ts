import { workOrderPolicy } from '../../domain/work-orders/work-orders.policy';
import type { AttachmentReader } from '../attachments/attachments';
import { authorize } from '../core/authorize';
import { findWorkOrder } from './work-orders.repository';

/** A work order's attachments (its photos) are readable by whoever may read the work order. */
export const readWorkOrderAttachment: AttachmentReader = async (ex, actor, ownerId) => {
  authorize(workOrderPolicy, actor, 'read', (await findWorkOrder(ex, ownerId))?.rec);
};
