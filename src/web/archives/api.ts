import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request, readCookie, CSRF_COOKIE, ApiError } from '../lib/api';
import type { Completeness, HouseholdArchive, SignoffView, TemplateView, documentRecord, signoffCreate, templateCreate } from '../../domain/archives/archives.contract';

export type RecordBody = z.input<typeof documentRecord>;
export type SignoffBody = z.input<typeof signoffCreate>;

export function useArchiveByUnit(projectId: string | undefined, unitCode: string) {
  return useQuery({
    queryKey: ['archives', 'unit', projectId, unitCode],
    queryFn: ({ signal }) => api.get<HouseholdArchive>('/api/archives/by-unit', { projectId, unitCode }, signal),
    enabled: Boolean(projectId && unitCode),
    retry: false,
  });
}

export function useCompleteness(projectId: string | undefined) {
  return useQuery({
    queryKey: ['archives', 'completeness', projectId],
    queryFn: ({ signal }) => api.get<Completeness>('/api/archive-completeness', { projectId }, signal),
    enabled: Boolean(projectId),
  });
}

export function useTemplates(projectId: string | undefined) {
  return useQuery({
    queryKey: ['archives', 'templates', projectId],
    queryFn: ({ signal }) => api.get<{ items: TemplateView[]; canEdit: boolean }>('/api/archive-templates', { projectId }, signal),
    enabled: Boolean(projectId),
  });
}

export function useSignoffs(householdId: string | undefined) {
  return useQuery({
    queryKey: ['archives', 'signoffs', householdId],
    queryFn: ({ signal }) => api.get<{ items: SignoffView[]; unitCode: string }>(`/api/households/${householdId}/signoffs`, undefined, signal),
    enabled: Boolean(householdId),
  });
}

function useArchiveMutation<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['archives'] }) });
}

export const useRecordDocument = (householdId: string, templateId: string) => useArchiveMutation((body: RecordBody) => request<HouseholdArchive>('PUT', `/api/households/${householdId}/archive/${templateId}`, { body }));
export const useCreateSignoff = (householdId: string) => useArchiveMutation((body: SignoffBody) => api.post<SignoffView>(`/api/households/${householdId}/signoffs`, body));
export const useCreateTemplate = () => useArchiveMutation((body: z.input<typeof templateCreate>) => api.post<TemplateView>('/api/archive-templates', body));
export const useToggleTemplate = () => useArchiveMutation((v: { id: string; version: number; active: boolean }) => api.patch<TemplateView>(`/api/archive-templates/${v.id}`, { version: v.version, active: v.active }));

/** Sends a scan as the raw body (its own type), the name in the query: the server checks the bytes. */
export function useUploadScan(householdId: string, templateId: string) {
  return useArchiveMutation(async (file: File) => {
    const res = await fetch(`/api/households/${householdId}/archive/${templateId}/scans?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-csrf-token': readCookie(CSRF_COOKIE) ?? '', accept: 'application/json' },
      body: file,
    });
    const data = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? '', []);
    return data;
  });
}
