import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { t } from '../../i18n/zh-CN';
import { downscaleToJpeg } from '../downscale-image';
import './photo-picker.css';

const MAX = 6;

/** Photos from the phone's camera or album, downscaled on the phone before they are sent. */
export function PhotoPicker({ value = [], onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const add = async (files: readonly File[]) => {
    if (!files.length) return;
    const room = MAX - value.length;
    if (files.length > room) message.warning(t('tasks.photosTooMany'));
    setBusy(true);
    try {
      const next = [...value];
      for (const f of files.slice(0, Math.max(0, room))) next.push(await downscaleToJpeg(f));
      onChange?.(next);
    } catch {
      message.error(t('tasks.photoFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="photo-picker">
      {/* antd's upload keeps the files here (nothing is sent until the form is): no `capture`, so the phone offers the
          camera or the album, as the button says. All files of one choice are taken together, at their first. */}
      <Upload
        accept="image/*"
        multiple
        showUploadList={false}
        disabled={busy || value.length >= MAX}
        data-testid="photo-input"
        beforeUpload={(file, list) => {
          if (file === list[0]) void add(list);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button size="large" block icon={<CameraOutlined />} loading={busy} disabled={value.length >= MAX} style={{ height: 52 }}>
          {t('tasks.photos')}
        </Button>
      </Upload>
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
