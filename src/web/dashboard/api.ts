import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { ManagerHome } from '../../domain/dashboard/dashboard.contract';

export function useManagerHome(projectId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', 'manager', projectId ?? ''],
    queryFn: ({ signal }) => api.get<ManagerHome>('/api/dashboard/manager', { projectId }, signal),
    enabled: Boolean(projectId),
    refetchInterval: 60_000,
  });
}
