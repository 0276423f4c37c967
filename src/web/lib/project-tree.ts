import { useQuery } from '@tanstack/react-query';
import { api } from './api';

// The project's estate tree (districts and buildings): the register shows it, and other features filter by
// it, so it lives here rather than in web/property (ADR 0011). Response shape of GET /api/projects/:id/tree.

export interface Building {
  id: string;
  code: string;
  name: string;
  unitCount: number;
}
export interface District {
  id: string;
  name: string;
  accountManagerName: string | null;
  buildings: Building[];
}
export interface ProjectTree {
  project: { id: string; code: string; name: string };
  districts: District[];
}

export const projectTreeKey = (projectId: string) => ['property', 'tree', projectId] as const;

export function useProjectTree(projectId: string | undefined) {
  return useQuery({
    queryKey: projectTreeKey(projectId ?? ''),
    queryFn: ({ signal }) => api.get<ProjectTree | null>(`/api/projects/${projectId}/tree`, undefined, signal),
    enabled: Boolean(projectId),
    staleTime: 5 * 60_000,
  });
}
