import type { Actor } from '../../domain/shared/policy';
import { abilities, can } from '../../domain/shared/policy';
import { registerPolicy } from '../../domain/property/property.policy';
import { maskIdNumber, maskName, maskPhone } from '../../domain/shared/mask';
import type { persons } from '../../domain/property/property.table';
import type { HouseholdDetail, HouseholdSummary, PersonView } from '../../domain/property/property.contract';
import type { HouseholdRow } from './property.repository';

type PersonRow = typeof persons.$inferSelect;

/**
 * ARC-12: the allow-list of what leaves the server about a person. Phone and ID number are always
 * masked here; the full value only through the audited reveal. Names are masked for roles whose
 * work does not need them.
 */
export function presentPerson(actor: Actor, p: PersonRow): PersonView {
  const fullName = can(registerPolicy, actor, 'seeFullName', p);
  return {
    id: p.id,
    relation: p.relation,
    name: fullName ? p.name : (maskName(p.name) ?? ''),
    phone: maskPhone(p.phone),
    idNumber: maskIdNumber(p.idNumber),
    hasPhone: Boolean(p.phone),
    hasIdNumber: Boolean(p.idNumber),
    version: p.version,
  };
}

export function presentHousehold(actor: Actor, h: HouseholdRow, people: PersonRow[]): HouseholdSummary {
  return {
    id: h.id,
    projectId: h.projectId,
    unitId: h.unitId,
    unitCode: h.unitCode,
    movedInAt: h.movedInAt,
    note: h.note,
    version: h.version,
    persons: people.filter((p) => p.householdId === h.id).map((p) => presentPerson(actor, p)),
    abilities: abilities(registerPolicy, actor, h),
  };
}

type HouseholdDetailRow = HouseholdRow & Pick<HouseholdDetail, 'floor' | 'areaM2' | 'handoverDate' | 'buildingName' | 'districtName' | 'projectName'>;

/** A household with where it is: the detail drawer's shape. */
export function presentHouseholdDetail(actor: Actor, h: HouseholdDetailRow, people: PersonRow[]): HouseholdDetail {
  return {
    ...presentHousehold(actor, h, people),
    floor: h.floor,
    areaM2: h.areaM2,
    handoverDate: h.handoverDate,
    buildingName: h.buildingName,
    districtName: h.districtName,
    projectName: h.projectName,
  };
}
