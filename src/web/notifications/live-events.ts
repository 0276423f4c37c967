import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { notificationKeys, type AppNotification, type NotificationPage } from './api';

export type LiveNotification = Pick<AppNotification, 'id' | 'type' | 'title' | 'body' | 'link'> & { at?: string };

// The tab's one stream; logout closes it before the session ends.
let current: EventSource | null = null;

/** Closes this tab's live stream (on logout; the server also ends it with `session_end`). */
export function closeLiveEvents(): void {
  current?.close();
  current = null;
}

/**
 * One EventSource on /api/events per tab: new notifications go into the bell's list at once and wake the
 * pages that show what they are about; the browser reconnects with Last-Event-ID by itself.
 */
export function useLiveEvents(onNotification: (n: LiveNotification) => void): void {
  const qc = useQueryClient();
  const handler = useRef(onNotification);
  handler.current = onNotification;

  useEffect(() => {
    closeLiveEvents();
    const es = new EventSource('/api/events');
    current = es;
    es.addEventListener('ready', (e: MessageEvent<string>) => {
      const { unread } = JSON.parse(e.data) as { unread: number };
      qc.setQueryData<NotificationPage>(notificationKeys.list, (old) => (old ? { ...old, unread } : old));
      // After a reconnect the list may have missed rows that the replay does not cover (read elsewhere).
      void qc.invalidateQueries({ queryKey: notificationKeys.list });
    });
    es.addEventListener('notification', (e: MessageEvent<string>) => {
      const n = JSON.parse(e.data) as LiveNotification;
      qc.setQueryData<NotificationPage>(notificationKeys.list, (old) => {
        if (!old || old.items.some((x) => x.id === n.id)) return old;
        const row: AppNotification = { id: n.id, at: n.at ?? new Date().toISOString(), type: n.type, title: n.title, body: n.body ?? null, link: n.link ?? null, readAt: null };
        return { items: [row, ...old.items].slice(0, 20), unread: old.unread + 1 };
      });
      void qc.invalidateQueries({ queryKey: ['calls', 'detail'] });
      void qc.invalidateQueries({ queryKey: ['calls', 'list'] });
      void qc.invalidateQueries({ queryKey: ['work-orders'] });
      void qc.invalidateQueries({ queryKey: ['help'] });
      handler.current(n);
    });
    es.addEventListener('session_end', () => {
      es.close();
      if (current === es) current = null;
    });
    return () => {
      es.close();
      if (current === es) current = null;
    };
  }, [qc]);
}
