import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, LoginNotice, LoginResult, Me, MenuItem } from '../../domain/auth/auth.contract';
import type { OkResult, ProjectRef } from '../../domain/shared/api.contract';
import { api } from './api';

// Response shapes: src/domain/auth/auth.contract.ts (GET /api/auth/me, POST /api/auth/login).
export type { Me, MenuItem, ProjectRef };

export const meKey = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => api.get<Me>('/api/auth/me', undefined, signal), staleTime: 60_000 });
}

/** Whether this store still has demo accounts with the published password (the sign-in page warns). */
export function useLoginNotice() {
  return useQuery({ queryKey: ['auth', 'notice'], queryFn: ({ signal }) => api.get<LoginNotice>('/api/auth/notice', undefined, signal), staleTime: 5 * 60_000, retry: false });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<LoginResult>('/api/auth/login', body),
    // Whatever the previous user had cached must not show to the next one.
    onSuccess: () => qc.clear(),
  });
}

/** Logs out; the caller leaves the signed-in pages first, then drops the cache (see AppLayout). */
export function useLogout() {
  return useMutation({ mutationFn: () => api.post<OkResult>('/api/auth/logout') });
}
