import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonRelation } from '../../domain/property/property.table';
import { api, request } from '../lib/api';
import { projectTreeKey } from '../lib/project-tree';

// Response shapes of src/server/property/property.routes.ts (the presenters' allow-lists).

export interface UnitRow {
  id: string;
  code: string;
  floor: number;
  areaM2: number | null;
  handoverDate: string | null;
  householdId: string | null;
  residentName: string | null;
}
export interface UnitPage {
  total: number;
  items: UnitRow[];
}

/** A person as the server presents it: phone and ID number are always masked (ARC-12). */
export interface Person {
  id: string;
  relation: PersonRelation;
  name: string;
  phone: string | null;
  idNumber: string | null;
  hasPhone: boolean;
  hasIdNumber: boolean;
  version: number;
}
export interface HouseholdAbilities {
  read: boolean;
  update: boolean;
  import: boolean;
  revealContact: boolean;
  seeFullName: boolean;
}
export interface HouseholdSummary {
  id: string;
  projectId: string;
  unitCode: string;
  movedInAt: string | null;
  note: string | null;
  version: number;
  persons: Person[];
  abilities: HouseholdAbilities;
}
export interface Household extends HouseholdSummary {
  floor: number;
  areaM2: number | null;
  handoverDate: string | null;
  buildingName: string;
  districtName: string;
  projectName: string;
}

export type RevealField = 'phone' | 'idNumber';

export const propertyKeys = {
  tree: projectTreeKey,
  units: (q: UnitQuery) => ['property', 'units', q] as const,
  search: (projectId: string, q: string) => ['property', 'search', projectId, q] as const,
  household: (id: string) => ['property', 'household', id] as const,
};

export interface UnitQuery {
  projectId: string;
  buildingId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function useUnits(q: UnitQuery, enabled: boolean) {
  return useQuery({
    queryKey: propertyKeys.units(q),
    queryFn: ({ signal }) => api.get<UnitPage>('/api/units', { ...q }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useHouseholdSearch(projectId: string | undefined, q: string) {
  return useQuery({
    queryKey: propertyKeys.search(projectId ?? '', q),
    // POST, so a phone number typed into the box never appears in a URL (proxy logs, history).
    queryFn: ({ signal }) => request<{ items: HouseholdSummary[] }>('POST', '/api/households/search', { body: { q, projectId }, signal }),
    enabled: Boolean(projectId && q),
    // Each search is audited; do not repeat it behind the user's back.
    staleTime: Infinity,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: propertyKeys.household(id ?? ''),
    queryFn: ({ signal }) => api.get<Household>(`/api/households/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 0,
    gcTime: 0,
  });
}

/** ARC-11/12: the audited reveal of one unmasked field, with the reason given. */
export function useReveal() {
  return useMutation({
    mutationFn: (v: { personId: string; field: RevealField; reason: string }) =>
      api.post<{ field: RevealField; value: string }>(`/api/persons/${v.personId}/reveal`, { field: v.field, reason: v.reason }),
  });
}

export function useUpdateHousehold(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; note?: string | null; movedInAt?: string | null }) => api.patch<Household>(`/api/households/${id}`, body),
    onSuccess: (h) => qc.setQueryData(propertyKeys.household(id), h),
  });
}
