import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { ContactForm, ContactFormDetail, ContactFormInput, ContactFormList } from '../../domain/contact-forms/contact-forms.contract';

export const contactFormKeys = {
  all: ['contact-forms'] as const,
  list: (projectId: string, box: string) => ['contact-forms', 'list', projectId, box] as const,
  detail: (id: string) => ['contact-forms', 'detail', id] as const,
};

export function useContactForms(projectId: string | undefined, box: 'in' | 'out' | 'all') {
  return useQuery({
    queryKey: contactFormKeys.list(projectId ?? '', box),
    queryFn: ({ signal }) => api.get<ContactFormList>('/api/contact-forms', { projectId, box }, signal),
    enabled: Boolean(projectId),
    select: (d) => d.items,
  });
}

export function useContactForm(id: string | undefined) {
  return useQuery({
    queryKey: contactFormKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<ContactFormDetail>(`/api/contact-forms/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export function useSendContactForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactFormInput) => api.post<ContactForm>('/api/contact-forms', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: contactFormKeys.all }),
  });
}

export function useContactFormStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: 'sign' | 'reply' | 'close'; body: { version: number; reply?: string; note?: string } }) => api.post<ContactForm>(`/api/contact-forms/${id}/${step}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: contactFormKeys.all }),
  });
}
