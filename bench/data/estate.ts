/**
 * The benchmark estate, generated deterministically with the demo generators: the same size always
 * gives the same rows (ids included), so a cached copy and a fresh one are interchangeable.
 */
import { chineseName, idNumber, mobile, prng } from '../../src/server/seed/demo-data';
import type { PersonRelation } from '../../src/domain/property/property.table';

/** Bump when the generated rows change: the caches check it and rebuild. */
export const DATA_VERSION = 1;

export const BENCH_PROJECT = { code: 'BENCH', name: '基准花园' } as const;
export const BENCH_USER = { username: 'bench_kefu', displayName: '基准客服', password: 'bench-kefu-2026', role: 'cs_specialist' } as const;

const DISTRICTS = ['东区', '南区', '西区', '北区'] as const;
export const BUILDINGS = 40;
const ENTRANCES = 5;
const FLOORS = 25;

export interface Layout {
  households: number;
  roomsPerFloor: number;
}

/** 40 buildings × 5 entrances × 25 floors × n rooms a floor: 20 rooms give exactly 100,000 units. */
export function layoutFor(households: number): Layout {
  return { households, roomsPerFloor: Math.max(1, Math.ceil(households / (BUILDINGS * ENTRANCES * FLOORS))) };
}

export function uuidFrom(rand: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface Structure {
  projectId: string;
  districts: { id: string; name: string }[];
  buildings: { id: string; no: number; districtId: string }[];
  userId: string;
}

export function structure(): Structure {
  const rand = prng(7001);
  const projectId = uuidFrom(rand);
  const districts = DISTRICTS.map((name) => ({ id: uuidFrom(rand), name }));
  const buildings = Array.from({ length: BUILDINGS }, (_, i) => ({
    id: uuidFrom(rand),
    no: i + 1,
    districtId: districts[Math.floor((i * districts.length) / BUILDINGS)].id,
  }));
  return { projectId, districts, buildings, userId: uuidFrom(rand) };
}

export interface GenPerson {
  id: string;
  relation: PersonRelation;
  name: string;
  phone: string;
  idNumber: string | null;
}

export interface GenHousehold {
  id: string;
  unit: { id: string; buildingId: string; code: string; entrance: number; floor: number; room: string; areaM2: number; handoverDate: string };
  movedInAt: string;
  persons: GenPerson[];
}

const HANDOVER = ['2019-12-31', '2021-06-30', '2023-09-30', '2025-06-30'];

/** Every unit has a household of 2–3 people: the owner, a family member or tenant, and half the time an emergency contact. */
export function* generateHouseholds(households: number): Generator<GenHousehold> {
  const { buildings } = structure();
  const { roomsPerFloor } = layoutFor(households);
  const rand = prng(20260101);
  let made = 0;
  for (const b of buildings)
    for (let entrance = 1; entrance <= ENTRANCES; entrance++)
      for (let floor = 1; floor <= FLOORS; floor++)
        for (let r = 1; r <= roomsPerFloor; r++) {
          if (made++ >= households) return;
          const room = `${floor}${String(r).padStart(2, '0')}`;
          const handoverDate = HANDOVER[b.no % HANDOVER.length];
          const owner = chineseName(rand);
          const persons: GenPerson[] = [
            { id: uuidFrom(rand), relation: 'owner', name: owner, phone: mobile(rand), idNumber: idNumber(rand, 1955 + Math.floor(rand() * 40)) },
          ];
          if (rand() < 0.7) persons.push({ id: uuidFrom(rand), relation: 'family', name: chineseName(rand, Array.from(owner)[0]), phone: mobile(rand), idNumber: idNumber(rand, 1980 + Math.floor(rand() * 35)) });
          else persons.push({ id: uuidFrom(rand), relation: 'tenant', name: chineseName(rand), phone: mobile(rand), idNumber: idNumber(rand, 1970 + Math.floor(rand() * 30)) });
          if (rand() < 0.5) persons.push({ id: uuidFrom(rand), relation: 'emergency', name: chineseName(rand), phone: mobile(rand), idNumber: null });
          yield {
            id: uuidFrom(rand),
            unit: { id: uuidFrom(rand), buildingId: b.id, code: `${b.no}-${entrance}-${room}`, entrance, floor, room, areaM2: 80 + Math.floor(rand() * 90), handoverDate },
            movedInAt: handoverDate,
            persons,
          };
        }
}

export type QueryKind = 'room' | 'tail4' | 'phone' | 'name';
export const QUERY_KINDS: readonly QueryKind[] = ['room', 'tail4', 'phone', 'name'];

export interface SearchQuery {
  kind: QueryKind;
  q: string;
}

/**
 * What a customer-service agent types, taken from households spread over the whole estate:
 * a room code (17-2-1502), the last four digits of a phone, a full phone, a name prefix (surname + one character).
 */
export function sampleQueries(households: number, perKind: number): SearchQuery[] {
  const step = Math.max(1, Math.floor(households / perKind));
  const out: SearchQuery[] = [];
  let i = 0;
  for (const h of generateHouseholds(households)) {
    if (i++ % step !== Math.floor(step / 2)) continue;
    // Alternate between the owner and the last person listed (family, tenant or emergency contact).
    const p = h.persons[(out.length / QUERY_KINDS.length) % 2 === 0 ? 0 : h.persons.length - 1];
    out.push({ kind: 'room', q: h.unit.code }, { kind: 'tail4', q: p.phone.slice(-4) }, { kind: 'phone', q: p.phone }, { kind: 'name', q: Array.from(p.name).slice(0, 2).join('') });
    if (out.length >= perKind * QUERY_KINDS.length) break;
  }
  return out;
}
