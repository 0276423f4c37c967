import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Outlet } from 'react-router';

dayjs.locale('zh-cn');

const theme = { token: { colorPrimary: '#1d6fb8', borderRadius: 4 } };

/**
 * antd's providers (zh_CN locale, theme, message/modal context) as the root route, loaded lazily in
 * parallel with the page: the entry chunk stays free of antd.
 */
export function AntdShell() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <Outlet />
      </AntApp>
    </ConfigProvider>
  );
}
