import type { ContactFormStatus } from './contact-forms.table';

export const CONTACT_FORM_STATUS_LABELS: Record<ContactFormStatus, string> = { sent: '待签收', signed: '已签收处理中', replied: '已回复待确认', closed: '已关闭' };
