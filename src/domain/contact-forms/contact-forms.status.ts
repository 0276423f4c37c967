import type { ContactFormStatus } from './contact-forms.table';

export const CONTACT_FORM_EVENTS = ['sign', 'reply', 'close'] as const;
export type ContactFormEvent = (typeof CONTACT_FORM_EVENTS)[number];

/** LINK-2: the receiver signs for it and replies with what it did; the sender confirms and closes it. */
export const CONTACT_FORM_TRANSITIONS: Record<ContactFormStatus, Partial<Record<ContactFormEvent, ContactFormStatus>>> = {
  sent: { sign: 'signed' },
  signed: { reply: 'replied' },
  replied: { close: 'closed' },
  closed: {},
};
export const nextContactFormStatus = (from: ContactFormStatus, e: ContactFormEvent): ContactFormStatus | null => CONTACT_FORM_TRANSITIONS[from][e] ?? null;
export const contactFormAllows = (s: ContactFormStatus, e: ContactFormEvent) => nextContactFormStatus(s, e) !== null;
/** The receiver still owes the required result: its deadline runs. */
export const isContactFormPending = (s: ContactFormStatus) => s === 'sent' || s === 'signed';
