import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../i18n/zh-CN';
import { useMarkAllRead, useMarkRead, useNotifications, type AppNotification } from './api';
import { useLiveEvents } from './live-events';
import { EmergencyAlerts } from './emergency-alerts';

const rowStyle = (unread: boolean) => ({
  display: 'block',
  width: '100%',
  textAlign: 'left' as const,
  padding: '8px 12px',
  border: 0,
  borderBottom: '1px solid #f0f0f0',
  background: unread ? '#f0f7ff' : 'transparent',
  cursor: 'pointer',
});

/** The header's bell: unread count, the latest notifications, live over SSE; escalations also pop up. */
export function NotificationBell() {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);

  useLiveEvents((n) => {
    // Escalations and overdue keys (chased until returned) pop up; the rest waits in the bell.
    if (n.type !== 'deadline.escalation' && n.type !== 'key.overdue') return;
    notification.warning({
      key: `n${n.id}`,
      title: n.title,
      description: n.body,
      duration: 0,
      placement: 'topRight',
      actions: n.link ? (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy(`n${n.id}`);
            markRead.mutate(n.id);
            void navigate(n.link!);
          }}
        >
          {t('intake.open')}
        </Button>
      ) : undefined,
      props: { 'data-testid': 'escalation-toast' } as Record<string, string>,
    });
  });

  const go = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const content = (
    <div style={{ width: 340, maxWidth: 'calc(100vw - 32px)' }} data-testid="notification-list">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '4px 12px 8px' }}>
        <Typography.Text strong>{t('notify.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notify.readAll')}
        </Button>
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto', borderTop: '1px solid #f0f0f0' }}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notify.none')} />
        ) : (
          items.map((n) => (
            <button type="button" key={n.id} style={rowStyle(!n.readAt)} onClick={() => go(n)} data-unread={!n.readAt}>
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                  {n.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(n.at).format('MM-DD HH:mm')}
              </Typography.Text>
            </button>
          ))
        )}
      </div>
    </div>
  );

  return (
    <>
    <EmergencyAlerts />
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight" styles={{ container: { padding: '8px 0' } }}>
      <Button type="text" aria-label={t('notify.bell', { n: unread })} data-testid="notification-bell" icon={<Badge count={unread} size="small" offset={[4, -2]}><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Popover>
    </>
  );
}
