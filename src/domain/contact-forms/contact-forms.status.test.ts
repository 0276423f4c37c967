import { describe, expect, it } from 'vitest';
import { CONTACT_FORM_EVENTS, contactFormAllows, isContactFormPending, nextContactFormStatus } from './contact-forms.status';
import type { ContactFormStatus } from './contact-forms.table';

/* 工作联系单 (LINK-2): every allowed transition written out; every other status × event is refused. */
const ALLOWED: Record<string, ContactFormStatus> = { 'sent/sign': 'signed', 'signed/reply': 'replied', 'replied/close': 'closed' };
const STATUSES: ContactFormStatus[] = ['sent', 'signed', 'replied', 'closed'];

describe('contact form state machine, by hand', () => {
  it('LINK-2 the events are sign, reply, close', () => expect([...CONTACT_FORM_EVENTS]).toEqual(['sign', 'reply', 'close']));
  for (const s of STATUSES)
    for (const e of CONTACT_FORM_EVENTS) {
      const to = ALLOWED[`${s}/${e}`];
      it(`LINK-2 ${s} + ${e} → ${to ?? 'refused'}`, () => {
        expect(nextContactFormStatus(s, e)).toBe(to ?? null);
        expect(contactFormAllows(s, e)).toBe(to !== undefined);
      });
    }
  it('LINK-2 the receiver owes the result (overdue shown) while sent or signed, not once replied or closed', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, isContactFormPending(s)]))).toEqual({ sent: true, signed: true, replied: false, closed: false });
  });
});
