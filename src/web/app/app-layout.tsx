import { EyeOutlined, AlertOutlined, AuditOutlined, CommentOutlined, FileTextOutlined, FolderOpenOutlined, KeyOutlined, SafetyOutlined, ScheduleOutlined, HomeOutlined, WarningOutlined, LogoutOutlined, TeamOutlined, UserOutlined, ApartmentOutlined, PhoneOutlined, ProfileOutlined, ToolOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Breadcrumb, Button, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { useLogout, useMe, type Me } from '../lib/session';
import { ErrorResult } from '../components/error-result';
import { PageLoading } from '../components/page-loading';
import { NavigationProgress } from '../components/navigation-progress';
import { t } from '../i18n/zh-CN';
import { isApiError } from '../lib/api';
import { NotificationBell } from '../notifications/notification-bell';
import { reportMenuItems, reportMenuKeys } from '../calls/ledger/routes';
import { closeLiveEvents } from '../notifications/live-events';
import { NotFoundPage } from '../components/not-found-page';
import { ProjectProvider } from '../lib/project-context';
import { ProjectSwitcher } from './project-switcher';
import { landingPath, type RouteHandle } from './navigation';
import type { MenuFlags } from '../lib/menu';

const { Sider, Header, Content } = Layout;

function menuItems(me: Me): MenuProps['items'] {
  const menu: MenuFlags = me.menu;
  const items: NonNullable<MenuProps['items']> = [];
  // 工作台 is the landing page of those whose work does not start at the intake or the task list.
  if (landingPath(me) === '/') items.push({ key: '/', icon: <HomeOutlined />, label: t('menu.home') });
  if (menu.intake) items.push({ key: '/calls/new', icon: <PhoneOutlined />, label: t('menu.intake') });
  if (menu.calls) items.push({ key: '/calls', icon: <ProfileOutlined />, label: t('menu.calls') });
  if (menu.tasks) items.push({ key: '/tasks', icon: <ToolOutlined />, label: t('menu.tasks') });
  if (menu.help) items.push({ key: '/help', icon: <AlertOutlined />, label: t('menu.help') });
  if (menu.duty) items.push({ key: '/duty', icon: <SafetyOutlined />, label: t('menu.duty') });
  if (menu.roster) items.push({ key: '/duty/roster', icon: <ScheduleOutlined />, label: t('menu.roster') });
  if (menu.complaints) items.push({ key: '/complaints', icon: <WarningOutlined />, label: t('menu.complaints') });
  if (menu.visits) items.push({ key: '/visits', icon: <CommentOutlined />, label: t('menu.visits') });
  if (menu.contactForms) items.push({ key: '/contact-forms', icon: <FileTextOutlined />, label: t('menu.contactForms') });
  items.push(...reportMenuItems(menu));
  if (menu.archives) items.push({ key: '/archives', icon: <FolderOpenOutlined />, label: t('menu.archives') });
  if (menu.accompanied) items.push({ key: '/accompanied', icon: <EyeOutlined />, label: t('menu.accompanied') });
  if (menu.keys) items.push({ key: '/keys', icon: <KeyOutlined />, label: t('menu.keys') });
  if (me.menu.register) items.push({ key: '/register', icon: <ApartmentOutlined />, label: t('menu.register') });
  if (me.menu.users) items.push({ key: '/admin/users', icon: <TeamOutlined />, label: t('menu.users') });
  if (me.menu.audit) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  return items;
}

function selectedKey(pathname: string): string {
  for (const k of ['/calls/new', '/calls', '/tasks', '/help', '/duty/roster', '/duty', '/complaints', '/visits', '/contact-forms', ...reportMenuKeys, '/keys', '/archives', '/accompanied', '/register', '/admin/users', '/audit']) if (pathname === k || pathname.startsWith(`${k}/`)) return k;
  return '/';
}

/**
 * Breadcrumbs on every page (issue 13): 工作台 › the menu entry the page belongs to › 详情/打印 for a page below it.
 * Built from the user's own menu, so a crumb never points where his menu does not go.
 */
function Crumbs({ me, pathname }: { me: Me; pathname: string }) {
  const key = selectedKey(pathname);
  const entry = (menuItems(me) ?? []).find((i) => i && 'key' in i && i.key === key) as { key: string; label: string } | undefined;
  const items: { key: string; title: React.ReactNode }[] = [{ key: 'home', title: pathname === '/' ? t('menu.home') : <Link to="/">{t('menu.home')}</Link> }];
  if (key !== '/' && entry) items.push({ key, title: pathname === key ? entry.label : <Link to={key}>{entry.label}</Link> });
  if (key !== '/' && pathname !== key) items.push({ key: 'leaf', title: /\/print$/.test(pathname) ? t('crumb.print') : t('crumb.detail') });
  return <Breadcrumb className="no-print" data-testid="breadcrumbs" items={items} style={{ marginBottom: 12 }} />;
}

/** The signed-in shell: role-aware side menu from /api/auth/me, project switcher, user and logout. */
export function AppLayout() {
  const me = useMe();
  const matches = useMatches();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const queryClient = useQueryClient();
  // Phones (the technicians' task pages at 375 px): the menu folds away entirely, the content gets the width.
  const narrow = Grid.useBreakpoint().md === false;
  // Controlled so a tap on a menu entry folds the menu away again on a phone.
  const [collapsed, setCollapsed] = useState(false);

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
    return !need || (user.menu as MenuFlags)[need] === true;
  });

  // Leave the signed-in pages first, then drop every cached answer (queries refetching after a
  // clear would only meet a 401).
  const onLogout = () => {
    closeLiveEvents();
    logout.mutate(undefined, {
      onSettled: async () => {
        await navigate('/login', { replace: true });
        queryClient.clear();
      },
    });
  };

  return (
    <ProjectProvider projects={user.projects}>
      <AntApp notification={{ top: 72 }}>
        <NavigationProgress />
        <Layout style={{ minHeight: '100vh' }}>
          <Sider
            breakpoint="lg"
            collapsed={collapsed}
            onCollapse={setCollapsed}
            collapsedWidth={narrow ? 0 : 56}
            theme="dark"
            width={200}
            // On a phone the menu opens over the page (from a button in the header's corner) instead of squeezing it.
            style={narrow ? { position: 'fixed', insetInlineStart: 0, top: 0, height: '100vh', zIndex: 20 } : undefined}
            zeroWidthTriggerStyle={{ top: 12 }}
          >
            <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
              {t('app.name')}
            </div>
            <Menu
              theme="dark"
              mode="inline"
              aria-label={t('app.name')}
              selectedKeys={[selectedKey(pathname)]}
              items={menuItems(user)}
              onClick={({ key }) => {
                if (narrow) setCollapsed(true);
                void navigate(key);
              }}
            />
          </Sider>
          <Layout>
            <Header style={{ background: '#fff', padding: narrow ? '0 8px 0 52px' : '0 24px', gap: 8, display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}>
              <ProjectSwitcher />
              <Space size={narrow ? 'small' : 'middle'}>
                <NotificationBell />
                <Typography.Text data-testid="current-user" ellipsis style={{ maxWidth: narrow ? 72 : 200, verticalAlign: 'middle' }}>
                  <UserOutlined /> {user.displayName}
                </Typography.Text>
                <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} aria-label={t('app.logout')}>
                  {narrow ? null : t('app.logout')}
                </Button>
              </Space>
            </Header>
            <Content style={{ padding: narrow ? 12 : 24 }}>
              <Crumbs me={user} pathname={pathname} />
              {allowed ? <Outlet /> : <NotFoundPage />}
            </Content>
          </Layout>
        </Layout>
      </AntApp>
    </ProjectProvider>
  );
}
