import { AuditOutlined, HomeOutlined, LogoutOutlined, TeamOutlined, UserOutlined, ApartmentOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { useLogout, useMe, type Me } from '../auth/api';
import { ErrorResult } from '../components/error-result';
import { PageLoading } from '../components/page-loading';
import { t } from '../i18n/zh-CN';
import { isApiError } from '../lib/api';
import { NotFoundPage } from './not-found-page';
import { ProjectProvider } from './project-context';
import { ProjectSwitcher } from './project-switcher';
import type { RouteHandle } from './router';

const { Sider, Header, Content } = Layout;

function menuItems(me: Me): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [{ key: '/', icon: <HomeOutlined />, label: t('menu.home') }];
  if (me.menu.register) items.push({ key: '/register', icon: <ApartmentOutlined />, label: t('menu.register') });
  if (me.menu.users) items.push({ key: '/admin/users', icon: <TeamOutlined />, label: t('menu.users') });
  if (me.menu.audit) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  return items;
}

function selectedKey(pathname: string): string {
  for (const k of ['/register', '/admin/users', '/audit']) if (pathname === k || pathname.startsWith(`${k}/`)) return k;
  return '/';
}

/** The signed-in shell: role-aware side menu from /api/auth/me, project switcher, user and logout. */
export function AppLayout() {
  const me = useMe();
  const matches = useMatches();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();

  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    // 401 is handled by the API client (off to /login); anything else can be retried here.
    if (isApiError(me.error) && me.error.status === 401) return <PageLoading />;
    return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  }
  const user = me.data;
  // A route the user's menu does not offer is a 404, the same answer the API gives.
  const allowed = matches.every((m) => {
    const need = (m.handle as RouteHandle | undefined)?.menu;
    return !need || user.menu[need];
  });

  // Leave the signed-in pages first, then drop every cached answer (queries refetching after a
  // clear would only meet a 401).
  const onLogout = () =>
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
    });

  return (
    <ProjectProvider projects={user.projects}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Sider breakpoint="lg" collapsedWidth={56} theme="dark" width={200}>
            <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
              {t('app.name')}
            </div>
            <Menu
              theme="dark"
              mode="inline"
              aria-label={t('app.name')}
              selectedKeys={[selectedKey(pathname)]}
              items={menuItems(user)}
              onClick={({ key }) => navigate(key)}
            />
          </Sider>
          <Layout>
            <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
              <ProjectSwitcher />
              <Space size="middle">
                <Typography.Text data-testid="current-user">
                  <UserOutlined /> {user.displayName}
                </Typography.Text>
                <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
                  {t('app.logout')}
                </Button>
              </Space>
            </Header>
            <Content style={{ padding: 24 }}>{allowed ? <Outlet /> : <NotFoundPage />}</Content>
          </Layout>
        </Layout>
      </AntApp>
    </ProjectProvider>
  );
}
