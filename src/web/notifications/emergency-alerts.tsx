import { AlertOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { t } from '../i18n/zh-CN';
import { useMarkRead, useNotifications, type AppNotification } from './api';

/** Notification types that are emergencies: they stay on screen, with sound, until acknowledged. */
const EMERGENCY_TYPES = new Set(['help.emergency']);

type Ctx = AudioContext;
let audio: Ctx | null = null;
function audioContext(): Ctx | null {
  if (audio) return audio;
  const C = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!C) return null;
  audio = new C();
  return audio;
}

/** Two short beeps (Web Audio: no sound file to fetch). Returns false when the browser holds sound back. */
async function beep(): Promise<boolean> {
  const ctx = audioContext();
  if (!ctx) return false;
  if (ctx.state === 'suspended') {
    await Promise.race([ctx.resume().catch(() => {}), new Promise((r) => setTimeout(r, 200))]);
  }
  if (ctx.state !== 'running') return false;
  for (const offset of [0, 0.35]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + offset);
    osc.stop(ctx.currentTime + offset + 0.25);
  }
  return true;
}

/**
 * Emergency alerts (a playbook started for one of the user's roles): a red panel over the page that stays
 * until acknowledged, beeping every few seconds; when the browser blocks sound it says why and how to allow it.
 */
export function EmergencyAlerts() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState(false);
  const open = (list.data?.items ?? []).filter((n) => !n.readAt && EMERGENCY_TYPES.has(n.type));
  const active = open.length > 0;
  const blockedRef = useRef(blocked);
  blockedRef.current = blocked;

  useEffect(() => {
    if (!active) return;
    let stop = false;
    const ring = async () => {
      const ok = await beep();
      if (!stop && ok === blockedRef.current) setBlocked(!ok);
    };
    void ring();
    const id = setInterval(() => void ring(), 3000);
    // A click anywhere is the gesture a browser waits for before it allows sound.
    const unlock = () => void audioContext()?.resume().then(() => void ring());
    window.addEventListener('pointerdown', unlock);
    return () => {
      stop = true;
      clearInterval(id);
      window.removeEventListener('pointerdown', unlock);
    };
  }, [active]);

  if (!active) return null;
  const ack = (n: AppNotification) => {
    markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };
  return (
    <div role="alertdialog" aria-label={t('alert.title')} data-testid="emergency-alert" style={{ position: 'fixed', top: 8, left: 8, right: 8, zIndex: 1100, display: 'flex', justifyContent: 'center', pointerEvents: 'none' }}>
      <Card size="small" style={{ width: 520, maxWidth: '100%', border: '2px solid #ff4d4f', background: '#fff1f0', boxShadow: '0 6px 24px rgba(0,0,0,.25)', pointerEvents: 'auto' }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Title level={4} type="danger" style={{ margin: 0 }}>
            <AlertOutlined /> {t('alert.title')}
          </Typography.Title>
          {blocked && <Alert type="warning" showIcon icon={<SoundOutlined />} title={t('alert.soundBlocked')} data-testid="sound-blocked" />}
          {open.slice(0, 3).map((n) => (
            <div key={n.id} style={{ borderTop: '1px solid #ffccc7', paddingTop: 8 }} data-testid="emergency-item">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {n.title}
              </Typography.Text>
              {n.body && <Typography.Paragraph style={{ margin: '4px 0', fontSize: 15 }}>{n.body}</Typography.Paragraph>}
              <Button type="primary" danger size="large" block onClick={() => ack(n)} data-testid="emergency-ack">
                {t('alert.ack')}
              </Button>
            </div>
          ))}
        </Space>
      </Card>
    </div>
  );
}
