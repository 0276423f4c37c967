import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { Complaint, ComplaintDetail, ComplaintInput, ComplaintList, ComplaintStep, ComplaintStepBody } from '../../domain/complaints/complaints.contract';

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (projectId: string, open: boolean) => ['complaints', 'list', projectId, open] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
};

export function useComplaints(projectId: string | undefined, open: boolean) {
  return useQuery({
    queryKey: complaintKeys.list(projectId ?? '', open),
    queryFn: ({ signal }) => api.get<ComplaintList>('/api/complaints', { projectId, open: open ? 1 : undefined }, signal),
    enabled: Boolean(projectId),
    select: (d) => d.items,
  });
}

export function useComplaint(id: string | undefined) {
  return useQuery({
    queryKey: complaintKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ComplaintDetail>(`/api/complaints/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useRecordComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintInput) => api.post<Complaint>('/api/complaints', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}

/** A step of the complaint; re-read whatever the answer (a 409 means someone else acted first). */
export function useComplaintStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: ComplaintStep; body: ComplaintStepBody }) => api.post<Complaint>(`/api/complaints/${id}/${step}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
