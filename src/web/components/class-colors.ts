import type { CallClass } from '../../domain/calls/calls.table';

/** One colour per class of call, the same on every tag, chart and board (Q is cyan everywhere, GT orange). */
export const CLASS_COLORS: Record<CallClass, string> = {
  normal: '#1677ff',
  Z: '#722ed1',
  Q: '#13c2c2',
  GT: '#fa8c16',
  complaint: '#f5222d',
  inquiry: '#8c8c8c',
};
