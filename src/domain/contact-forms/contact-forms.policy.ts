import { definePolicy, type Actor, type Scoped } from '../shared/policy';
import { HEAD_ROLES, headsDepartment, type Department } from '../shared/departments';
import type { ContactFormStatus } from './contact-forms.table';
import { contactFormAllows } from './contact-forms.status';

export interface ContactFormRec extends Scoped {
  status: ContactFormStatus;
  fromDepartment: Department;
  toDepartment: Department;
  version: number;
}

const isSender = (a: Actor, r: ContactFormRec) => headsDepartment(a.roles, r.fromDepartment);
const isReceiver = (a: Actor, r: ContactFormRec) => headsDepartment(a.roles, r.toDepartment);

/**
 * 工作联系单. The heads of the sending and the receiving department see it (404 for anyone else); the
 * receiver signs and replies, the sender closes. The centre manager heads every department.
 */
export const contactFormPolicy = definePolicy<ContactFormRec, 'read' | 'send' | 'sign' | 'reply' | 'close'>('contactForm', {
  read: { roles: HEAD_ROLES, scope: 'project', owns: (a, r) => isSender(a, r) || isReceiver(a, r) },
  send: { roles: HEAD_ROLES, scope: 'project', owns: isSender },
  sign: { roles: HEAD_ROLES, scope: 'project', owns: isReceiver, when: (r) => contactFormAllows(r.status, 'sign') },
  reply: { roles: HEAD_ROLES, scope: 'project', owns: isReceiver, when: (r) => contactFormAllows(r.status, 'reply') },
  close: { roles: HEAD_ROLES, scope: 'project', owns: isSender, when: (r) => contactFormAllows(r.status, 'close') },
});
