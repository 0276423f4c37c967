import { t } from '../i18n/zh-CN';

/** Plain markup on purpose: shown before antd has loaded. */
export function PageLoading() {
  return (
    <div role="status" aria-live="polite" style={{ padding: 48, textAlign: 'center', color: '#888' }}>
      {t('app.loading')}
    </div>
  );
}
