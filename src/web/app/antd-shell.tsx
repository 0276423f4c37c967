import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Outlet } from 'react-router';

dayjs.locale('zh-cn');

const theme = { token: { colorPrimary: '#1d6fb8', borderRadius: 4 } };

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
