import type { Actor } from '../../domain/shared/policy';
import { abilities, can } from '../../domain/shared/policy';
import { registerPolicy } from '../../domain/property/property.policy';
import { maskIdNumber, maskName, maskPhone } from '../../domain/shared/mask';
import type { persons } from '../../domain/property/property.table';
import type { HouseholdDetail, HouseholdSummary, PersonView } from '../../domain/property/property.contract';
import type { HouseholdRow } from './property.repository';
import type { HistoryRow, RenovationRow, VehicleRow } from './register.repository';
import type { HistoryEntry, RenovationView, VehicleView } from '../../domain/property/register.contract';

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
    movedOutAt: p.movedOutAt,
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
    movedOutAt: h.movedOutAt,
    note: h.note,
    version: h.version,
    persons: people.filter((p) => p.householdId === h.id).map((p) => presentPerson(actor, p)),
    abilities: abilities(registerPolicy, actor, h),
  };
}

type HouseholdDetailRow = HouseholdRow & Pick<HouseholdDetail, 'floor' | 'areaM2' | 'handoverDate' | 'buildingName' | 'districtName' | 'projectName'>;

/** A household with where it is: the detail drawer's shape. */
export function presentHouseholdDetail(actor: Actor, h: HouseholdDetailRow, people: PersonRow[], file: { vehicles: VehicleRow[]; renovations: RenovationRow[] }): HouseholdDetail {
  return {
    ...presentHousehold(actor, h, people),
    floor: h.floor,
    areaM2: h.areaM2,
    handoverDate: h.handoverDate,
    buildingName: h.buildingName,
    districtName: h.districtName,
    projectName: h.projectName,
    vehicles: file.vehicles.map(presentVehicle),
    renovations: file.renovations.map(presentRenovation),
  };
}

export function presentVehicle(v: VehicleRow): VehicleView {
  return { id: v.id, plate: v.plate, kind: v.kind, parkingSpace: v.parkingSpace, removedOn: v.removedOn, version: v.version };
}

export function presentRenovation(r: RenovationRow): RenovationView {
  return {
    id: r.id,
    startedOn: r.startedOn,
    finishedOn: r.finishedOn,
    company: r.company,
    permitNo: r.permitNo,
    approvedOn: r.approvedOn,
    acceptedOn: r.acceptedOn,
    acceptance: r.acceptance,
    note: r.note,
    version: r.version,
  };
}

const NAME_FIELDS = new Set(['name']);

/**
 * ARC-12: one history row as it leaves the server. Numbers were masked when stored; names (the person's label
 * and a corrected name) are masked again here for a reader who may not see full names.
 */
export function presentHistory(actor: Actor, r: HistoryRow): HistoryEntry {
  const fullName = can(registerPolicy, actor, 'seeFullName', r);
  const name = (s: string | null) => (fullName ? s : maskName(s));
  const personal = r.subject === 'person';
  const value = (s: string | null) => (personal && r.field && NAME_FIELDS.has(r.field) ? name(s) : s);
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actorName,
    subject: r.subject,
    subjectLabel: personal ? name(r.subjectLabel) : r.subjectLabel,
    action: r.action,
    field: r.field,
    oldValue: value(r.oldValue),
    newValue: value(r.newValue),
  };
}
