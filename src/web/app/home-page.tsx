import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { PageLoading } from '../components/page-loading';
import { Link, Navigate } from 'react-router';
import { useMe } from '../lib/session';
import { roleLabels, t } from '../i18n/zh-CN';
import { landingPath } from './navigation';
import type { MenuFlags } from '../lib/menu';

// The managers' first screen: its own chunk (ECharts is heavy), only for the roles that get it.
const ManagerHome = lazy(async () => ({ default: (await import('../dashboard/manager-home')).ManagerHome }));
const MANAGER_ROLES = new Set(['account_manager', 'cs_supervisor', 'centre_manager']);

/** 工作台: who is signed in, on which projects, and shortcuts to what the menu offers. */
export function HomePage() {
  const { data: me } = useMe();
  if (!me) return null;
  // The desk lands on the intake screen, doers on their tasks (the login page sends everyone to /).
  const landing = landingPath(me);
  if (landing !== '/') return <Navigate to={landing} replace />;
  const menu: MenuFlags = me.menu;
  if (me.roles.some((r) => MANAGER_ROLES.has(r))) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ManagerHome />
      </Suspense>
    );
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.welcome', { name: me.displayName })}
      </Typography.Title>
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'roles', label: t('home.roles'), children: me.roles.map((r) => <Tag key={r}>{roleLabels[r] ?? r}</Tag>) },
            { key: 'projects', label: t('home.projects'), children: me.projects.map((p) => p.name).join('、') || t('app.noProject') },
          ]}
        />
      </Card>
      {(me.menu.register || me.menu.users || me.menu.audit || menu.intake || menu.calls) && (
        <Card title={t('home.shortcuts')}>
          <Space size="large" wrap>
            {menu.intake && <Link to="/calls/new">{t('menu.intake')}</Link>}
            {menu.calls && <Link to="/calls">{t('menu.calls')}</Link>}
            {me.menu.register && <Link to="/register">{t('menu.register')}</Link>}
            {me.menu.users && <Link to="/admin/users">{t('menu.users')}</Link>}
            {me.menu.audit && <Link to="/audit">{t('menu.audit')}</Link>}
          </Space>
          {me.menu.register && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('home.tip')}</Typography.Paragraph>}
        </Card>
      )}
    </Space>
  );
}
