import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../domain/shared/roles';
import type { ProjectRef } from '../lib/session';
import { api } from '../lib/api';

/** GET /api/users items (src/server/users/users.service.ts loadUsers). */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  disabled: boolean;
  version: number;
  roles: Role[];
  projectIds: string[];
}

export interface UserCreateBody {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  projectIds: string[];
}

export interface UserPatchBody {
  version: number;
  displayName?: string;
  password?: string;
  roles?: Role[];
  projectIds?: string[];
  disabled?: boolean;
}

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
