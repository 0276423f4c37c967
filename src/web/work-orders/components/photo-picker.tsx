import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { t } from '../../i18n/zh-CN';
import { downscaleToJpeg } from '../downscale-image';

const MAX = 6;

/** Photos from the phone's camera or album, downscaled on the phone before they are sent. */
export function PhotoPicker({ value = [], onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    const room = MAX - value.length;
    if (files.length > room) message.warning(t('tasks.photosTooMany'));
    setBusy(true);
    try {
      const next = [...value];
      for (const f of Array.from(files).slice(0, Math.max(0, room))) next.push(await downscaleToJpeg(f));
      onChange?.(next);
    } catch {
      message.error(t('tasks.photoFailed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div>
      {/* No `capture`: the phone offers the camera or the album, as the button says. */}
      <input ref={input} type="file" accept="image/*" multiple hidden data-testid="photo-input" onChange={(e) => void add(e.target.files)} />
      <Button size="large" block icon={<CameraOutlined />} loading={busy} disabled={value.length >= MAX} onClick={() => input.current?.click()} style={{ height: 52 }}>
        {t('tasks.photos')}
      </Button>
      {value.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {value.map((src, i) => (
            <div key={i} style={{ position: 'relative' }}>
              <img src={src} alt={`${t('wo.photos')} ${i + 1}`} style={{ width: 96, height: 96, objectFit: 'cover', borderRadius: 4, display: 'block' }} />
              <Button
                size="small"
                danger
                shape="circle"
                icon={<DeleteOutlined />}
                aria-label={`${t('tasks.photoRemove')} ${i + 1}`}
                style={{ position: 'absolute', top: 2, right: 2 }}
                onClick={() => onChange?.(value.filter((_, j) => j !== i))}
              />
            </div>
          ))}
        </Space>
      )}
    </div>
  );
}
