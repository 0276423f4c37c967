import type { AttachmentReader } from '../attachments/attachments';
import { readKeyAttachment } from './keys.service';

/** Borrowers' and owners' signatures are readable by whoever may read the key register of the project. */
export const readKeyLoanAttachment: AttachmentReader = (ex, actor, ownerId) => readKeyAttachment(ex, actor, ownerId, 'loan');
export const readKeyHandoverAttachment: AttachmentReader = (ex, actor, ownerId) => readKeyAttachment(ex, actor, ownerId, 'handover');
