import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  HouseholdAbilities,
  HouseholdDetail,
  HouseholdPatch,
  HouseholdSummary,
  PersonView,
  ProjectTree,
  RevealResult,
  UnitPage,
} from '../../domain/property/property.contract';
import type {
  HouseholdHistoryList,
  PersonMoveOut,
  RenovationInput,
  RenovationPatch,
  RenovationView,
  VehicleInput,
  VehiclePatch,
  VehicleView,
} from '../../domain/property/register.contract';
import type { PersonInput } from '../../domain/property/property.contract';
import { api, request } from '../lib/api';
import type { z } from 'zod';
import type { unitListQuery } from '../../domain/property/property.contract';
import { projectTreeKey } from '../lib/project-tree';

// Response shapes: the contracts of src/domain/property (the presenters' allow-lists), imported as types only.
export type { HouseholdAbilities, HouseholdSummary, ProjectTree, UnitPage };
export type Household = HouseholdDetail;
/** A person as the server presents them: phone and ID number are always masked (ARC-12). */
export type Person = PersonView;
export type District = ProjectTree['districts'][number];
export type Building = District['buildings'][number];
export type UnitRow = UnitPage['items'][number];
export type RevealField = RevealResult['field'];
export type Vehicle = VehicleView;
export type Renovation = RenovationView;
export type HistoryItem = HouseholdHistoryList['items'][number];

export const propertyKeys = {
  tree: projectTreeKey,
  units: (q: UnitQuery) => ['property', 'units', q] as const,
  search: (projectId: string, q: string) => ['property', 'search', projectId, q] as const,
  household: (id: string) => ['property', 'household', id] as const,
  history: (id: string) => ['property', 'household', id, 'history'] as const,
};

/** GET /api/units's query (its contract's input type). */
export type UnitQuery = Pick<z.input<typeof unitListQuery>, 'projectId' | 'buildingId' | 'q'> & { page: number; pageSize: number };

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
    queryFn: ({ signal }) => request<{ items: HouseholdSummary[] }>('POST', '/api/households/search', { body: { q, projectId, limit: 100 }, signal }),
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
      api.post<RevealResult>(`/api/persons/${v.personId}/reveal`, { field: v.field, reason: v.reason }),
  });
}

export function useUpdateHousehold(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: HouseholdPatch) => api.patch<Household>(`/api/households/${id}`, body),
    onSuccess: (h) => qc.setQueryData(propertyKeys.household(id), h),
  });
}

/** The history of the household's register (numbers stored masked). */
export function useHouseholdHistory(id: string) {
  return useQuery({
    queryKey: propertyKeys.history(id),
    queryFn: ({ signal }) => api.get<HouseholdHistoryList>(`/api/households/${id}/history`, undefined, signal),
    staleTime: 0,
  });
}

/**
 * One write of the household file. On success the household (and its history) is read again; a household read
 * is audited, so it is refetched only after a change, never on a timer.
 */
function useRegisterWrite<V, R>(householdId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: propertyKeys.household(householdId) });
    },
  });
}

export const usePersonAdd = (householdId: string) =>
  useRegisterWrite(householdId, (body: PersonInput) => api.post<Person>(`/api/households/${householdId}/persons`, body));
export const usePersonUpdate = (householdId: string) =>
  useRegisterWrite(householdId, (v: { id: string; body: Partial<PersonInput> & { version: number } }) => api.patch<Person>(`/api/persons/${v.id}`, v.body));
export const usePersonMoveOut = (householdId: string) =>
  useRegisterWrite(householdId, (v: { id: string; body: PersonMoveOut }) => api.post<Person>(`/api/persons/${v.id}/move-out`, v.body));
export const useVehicleAdd = (householdId: string) =>
  useRegisterWrite(householdId, (body: VehicleInput) => api.post<Vehicle>(`/api/households/${householdId}/vehicles`, body));
export const useVehicleUpdate = (householdId: string) =>
  useRegisterWrite(householdId, (v: { id: string; body: VehiclePatch }) => api.patch<Vehicle>(`/api/vehicles/${v.id}`, v.body));
export const useRenovationAdd = (householdId: string) =>
  useRegisterWrite(householdId, (body: RenovationInput) => api.post<Renovation>(`/api/households/${householdId}/renovations`, body));
export const useRenovationUpdate = (householdId: string) =>
  useRegisterWrite(householdId, (v: { id: string; body: RenovationPatch }) => api.patch<Renovation>(`/api/renovations/${v.id}`, v.body));
