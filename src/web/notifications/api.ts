import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationView } from '../../domain/notifications/notifications.contract';
import type { OkResult } from '../../domain/shared/api.contract';
import { api } from '../lib/api';

/** GET /api/notifications: src/domain/notifications/notifications.contract.ts. */
export type AppNotification = NotificationView;
export type { NotificationPage };

export const notificationKeys = { list: ['notifications', 'list'] as const };

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', { limit: 20 }, signal),
    // The live stream keeps it current; no polling.
    staleTime: Infinity,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OkResult>(`/api/notifications/${id}/read`),
    onMutate: (id) => {
      qc.setQueryData<NotificationPage>(notificationKeys.list, (old) => {
        if (!old) return old;
        const hit = old.items.find((n) => n.id === id && !n.readAt);
        if (!hit) return old;
        const at = new Date().toISOString();
        return { items: old.items.map((n) => (n.id === id ? { ...n, readAt: at } : n)), unread: Math.max(0, old.unread - 1) };
      });
    },
    onError: () => qc.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OkResult>('/api/notifications/read-all'),
    onSuccess: () => {
      const at = new Date().toISOString();
      qc.setQueryData<NotificationPage>(notificationKeys.list, (old) => (old ? { items: old.items.map((n) => ({ ...n, readAt: n.readAt ?? at })), unread: 0 } : old));
    },
    onError: () => qc.invalidateQueries({ queryKey: notificationKeys.list }),
  });
}
