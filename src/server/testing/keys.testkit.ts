import { SIGNATURE } from './desk';

/** A lending of a unit key to its owner as the desk fills it in (KEY-2, KEY-4); `over` changes or removes any field. */
export const ownerLoanBody = (p: { version: number; ownerPersonId: string; approverId: string; dueAt: string }, over: Record<string, unknown> = {}) => ({
  version: p.version,
  borrowerKind: 'owner',
  ownerPersonId: p.ownerPersonId,
  identityChecked: true,
  identityDocument: '身份证',
  purpose: '业主忘带钥匙',
  approverId: p.approverId,
  ownerContacted: false,
  dueAt: p.dueAt,
  signature: SIGNATURE,
  ...over,
});
