import { describe, expect, it } from 'vitest';
import { refusal } from '../shared/policy';
import { actor, expectRow, who } from '../shared/policy-matrix.testkit';
import { contactFormPolicy, type ContactFormRec } from './contact-forms.policy';
import type { ContactFormStatus } from './contact-forms.table';

/*
 * 工作联系单 (LINK-1, LINK-2): the heads of the sending and the receiving department see it, nobody else (404 for
 * other heads); the receiver signs and replies, the sender closes; the centre manager heads every department.
 * Rows are for a form from engineering (工程部领班) to security (保安班长).
 */
const TABLE: Record<keyof typeof contactFormPolicy.grants, [clause: string, status: ContactFormStatus, row: string]> = {
  //                                    adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
  read: /*  */ ['LINK-1', 'sent', '       .   .   .   .   o   Y   .   .   .   Y   .   Y   .   . '],
  send: /*  */ ['LINK-1', 'sent', '       .   .   .   .   o   Y   .   .   .   Y   .   o   .   . '],
  sign: /*  */ ['LINK-2', 'sent', '       .   .   .   .   o   Y   .   .   .   o   .   Y   .   . '],
  reply: /* */ ['LINK-2', 'signed', '     .   .   .   .   o   Y   .   .   .   o   .   Y   .   . '],
  close: /* */ ['LINK-2', 'replied', '    .   .   .   .   o   Y   .   .   .   Y   .   o   .   . '],
};

const form = (status: ContactFormStatus): ContactFormRec => ({ projectId: 'p1', status, fromDepartment: 'engineering', toDepartment: 'security', version: 1 });

describe('contact-form policy, by hand', () => {
  for (const [action, [clause, status, row]] of Object.entries(TABLE) as [keyof typeof TABLE, (typeof TABLE)[keyof typeof TABLE]][]) {
    it(`${clause} contactForm.${action} (${status}): ${who(row)}; other heads 404; everyone else refused`, () => {
      expectRow(contactFormPolicy, action, row, form(status));
    });
  }
  it('LINK-2 the policy has exactly the actions of the table', () => {
    expect(Object.keys(contactFormPolicy.grants).sort()).toEqual(Object.keys(TABLE).sort());
    expect(contactFormPolicy.resource).toBe('contactForm');
  });
});

const STATUSES: ContactFormStatus[] = ['sent', 'signed', 'replied', 'closed'];
const STATES: [action: keyof typeof TABLE, role: 'eng_lead' | 'guard_leader', allowedIn: ContactFormStatus[]][] = [
  ['sign', 'guard_leader', ['sent']],
  ['reply', 'guard_leader', ['signed']],
  ['close', 'eng_lead', ['replied']],
  ['read', 'guard_leader', STATUSES],
  ['send', 'eng_lead', STATUSES],
];
describe('contact-form policy: state conditions, both sides', () => {
  for (const [action, role, allowed] of STATES) {
    it(`LINK-2 contactForm.${action} (${role}) allowed in ${allowed.join(', ')}; a state conflict otherwise`, () => {
      const got = Object.fromEntries(STATUSES.map((s) => [s, refusal(contactFormPolicy, actor([role]), action, form(s))]));
      const want = Object.fromEntries(STATUSES.map((s) => [s, allowed.includes(s) ? 'none' : 'state']));
      expect(got).toEqual(want);
    });
  }
});
