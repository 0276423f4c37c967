import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';
import { t } from '../i18n/zh-CN';

/**
 * A thin bar across the top while the next page's code or data loads, so a slow link never shows a blank,
 * silent page. It appears only after 150 ms: quick navigations do not flicker.
 */
export function NavigationProgress() {
  const loading = useNavigation().state !== 'idle';
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!loading) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), 150);
    return () => clearTimeout(timer);
  }, [loading]);
  if (!shown) return null;
  return (
    <div role="progressbar" aria-label={t('app.pageLoading')} data-testid="page-progress" style={{ position: 'fixed', insetInline: 0, top: 0, height: 3, zIndex: 1000, overflow: 'hidden', background: 'rgba(22,119,255,0.15)' }}>
      <div style={{ width: '40%', height: '100%', background: '#1677ff', animation: 'wuye-progress 1.2s ease-in-out infinite' }} />
      <style>{'@keyframes wuye-progress { from { transform: translateX(-100%); } to { transform: translateX(250%); } }'}</style>
    </div>
  );
}
