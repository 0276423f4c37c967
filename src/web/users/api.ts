import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { userCreate, userPatch, UserView } from '../../domain/users/users.contract';
import type { ProjectRef } from '../../domain/shared/api.contract';
import { api } from '../lib/api';

// Shapes of src/domain/users/users.contract.ts: what the server answers, and the bodies it accepts.
export type UserRow = UserView;
export type UserCreateBody = z.input<typeof userCreate>;
export type UserPatchBody = z.input<typeof userPatch>;

export const userKeys = {
  list: ['users', 'list'] as const,
  projects: ['users', 'projects'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: userKeys.list, queryFn: ({ signal }) => api.get<{ items: UserRow[] }>('/api/users', undefined, signal) });
}

export function useAllProjects() {
  return useQuery({
    queryKey: userKeys.projects,
    queryFn: ({ signal }) => api.get<{ items: ProjectRef[] }>('/api/admin/projects', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => api.post<UserRow>('/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.list }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserPatchBody & { id: string }) => api.patch<UserRow>(`/api/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.list }),
  });
}
