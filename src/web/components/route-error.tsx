import { useEffect } from 'react';
import { useRouteError } from 'react-router';
import { t } from '../i18n/zh-CN';

const RELOADED_AT = 'wuye.chunkReloadAt';

/**
 * A page's code could not be fetched: the server was unreachable, or a new version was deployed while the tab
 * was open (the old chunk names are gone). Browsers word it differently; all of them say "module".
 */
export function isChunkLoadError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|module script failed|Failed to fetch|error loading dynamically|ChunkLoadError|Unable to preload/i.test(text);
}

/**
 * After a chunk failure: asks the server whether it answers. Down: keep asking every 3 s and reload once it is
 * back (a reload while it is down would show the browser's own error page). Up at once: a redeploy renamed the
 * chunks, reload to get the new ones — at most once a minute, so a truly missing chunk cannot loop.
 */
function useRecoverFromChunkFailure(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let sawDown = false;
    const check = async () => {
      let up = false;
      try {
        up = (await fetch('/api/health', { cache: 'no-store' })).ok;
      } catch {
        up = false;
      }
      if (stopped) return;
      if (!up) {
        sawDown = true;
        return;
      }
      const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
      if (sawDown || Date.now() - last > 60_000) {
        sessionStorage.setItem(RELOADED_AT, String(Date.now()));
        window.location.reload();
      }
      stop();
    };
    const timer = setInterval(() => void check(), 3000);
    const stop = () => {
      stopped = true;
      clearInterval(timer);
    };
    void check();
    return stop;
  }, [enabled]);
}

/**
 * Every route's error page (router.tsx): plain markup in Chinese, as antd may be the very code that failed to
 * load. A missing chunk reloads once, then waits for the server and reloads when it answers; any other failure
 * offers to reload or go home. Never React Router's developer page.
 */
export function RouteError() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  useRecoverFromChunkFailure(chunk);
  if (!chunk) console.error(error);

  const button = { padding: '6px 16px', marginInline: 6, borderRadius: 6, border: '1px solid #d9d9d9', background: '#fff', cursor: 'pointer', fontSize: 14 } as const;
  return (
    <div role="alert" data-testid="route-error" style={{ padding: '64px 24px', textAlign: 'center', fontSize: 14, color: 'rgba(0,0,0,0.88)' }}>
      <div style={{ fontSize: 24, marginBottom: 8 }}>{chunk ? t('routeError.offlineTitle') : t('routeError.title')}</div>
      <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 24 }}>{chunk ? t('routeError.offlineHint') : t('routeError.hint')}</div>
      <button type="button" style={{ ...button, background: '#1677ff', borderColor: '#1677ff', color: '#fff' }} onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
      <button type="button" style={button} onClick={() => window.location.assign('/')}>
        {t('routeError.home')}
      </button>
    </div>
  );
}
