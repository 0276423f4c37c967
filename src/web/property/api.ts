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

export const propertyKeys = {
  tree: projectTreeKey,
  units: (q: UnitQuery) => ['property', 'units', q] as const,
  search: (projectId: string, q: string) => ['property', 'search', projectId, q] as const,
  household: (id: string) => ['property', 'household', id] as const,
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
