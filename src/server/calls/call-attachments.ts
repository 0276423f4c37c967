import { callPolicy } from '../../domain/calls/calls.policy';
import type { AttachmentReader } from '../attachments/attachments';
import { authorize } from '../core/authorize';
import { findCall } from './calls.repository';

/** A call's attachments (the close-out signature) are readable by whoever may read the call. */
export const readCallAttachment: AttachmentReader = async (ex, actor, ownerId) => {
  authorize(callPolicy, actor, 'read', await findCall(ex, ownerId));
};
