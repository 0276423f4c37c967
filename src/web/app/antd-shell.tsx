import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Outlet } from 'react-router';

dayjs.locale('zh-cn');

/**
 * Whoever asked the system for reduced motion (an accessibility setting; also what a slow desk PC is set to) gets
 * dialogs and drawers that appear at once instead of zooming and sliding.
 */
const reducedMotion = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const theme = { token: { colorPrimary: '#1d6fb8', borderRadius: 4, motion: !reducedMotion } };

/**
 * antd's locale (zh_CN) and theme as the root route, loaded lazily in parallel with the page: the
 * entry chunk stays free of antd. The message/modal context (antd App) lives in the signed-in layout,
 * so the login page does not load it.
 */
export function AntdShell() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <Outlet />
    </ConfigProvider>
  );
}
