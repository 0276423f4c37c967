import type { Actor } from '../../domain/shared/policy';
import { abilities, can } from '../../domain/shared/policy';
import { registerPolicy } from '../../domain/property/property.policy';
import { maskIdNumber, maskName, maskPhone } from '../../domain/shared/mask';
import type { persons } from '../../domain/property/property.table';

type PersonRow = typeof persons.$inferSelect;

/**
 * ARC-12: the allow-list of what leaves the server about a person. Phone and ID number are always
 * masked here; the full value only through the audited reveal. Names are masked for roles whose
 * work does not need them.
 */
export function presentPerson(actor: Actor, p: PersonRow) {
  const fullName = can(registerPolicy, actor, 'seeFullName', p);
  return {
    id: p.id,
    relation: p.relation,
    name: fullName ? p.name : maskName(p.name),
    phone: maskPhone(p.phone),
    idNumber: maskIdNumber(p.idNumber),
    hasPhone: Boolean(p.phone),
    hasIdNumber: Boolean(p.idNumber),
    version: p.version,
  };
}

export function presentHousehold<H extends { id: string; projectId: string }>(actor: Actor, h: H, people: PersonRow[]) {
  return {
    ...h,
    persons: people.filter((p) => p.householdId === h.id).map((p) => presentPerson(actor, p)),
    abilities: abilities(registerPolicy, actor, h),
  };
}
