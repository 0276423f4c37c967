import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../domain/users/roles';
import { api } from '../lib/api';

export interface ProjectRef {
  id: string;
  code: string;
  name: string;
}

/** GET /api/auth/me (src/server/auth/auth.routes.ts). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  projects: ProjectRef[];
  csrfToken?: string;
  menu: { register: boolean; users: boolean; audit: boolean; intake: boolean; calls: boolean; board: boolean; reports: boolean; tasks: boolean };
}
export type MenuItem = keyof Me['menu'];

export const meKey = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => api.get<Me>('/api/auth/me', undefined, signal), staleTime: 60_000 });
}

/** Whether this store still has demo accounts with the published password (the sign-in page warns). */
export function useLoginNotice() {
  return useQuery({ queryKey: ['auth', 'notice'], queryFn: ({ signal }) => api.get<{ demoAccounts: boolean }>('/api/auth/notice', undefined, signal), staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<{ ok: true; csrfToken: string }>('/api/auth/login', body),
    // Whatever the previous user had cached must not show to the next one.
    onSuccess: () => qc.clear(),
  });
}

/** Logs out; the caller leaves the signed-in pages first, then drops the cache (see AppLayout). */
export function useLogout() {
  return useMutation({ mutationFn: () => api.post<{ ok: true }>('/api/auth/logout') });
}
