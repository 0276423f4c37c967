import { createBrowserRouter, type RouteObject } from 'react-router';
import type { MenuItem } from '../auth/api';
import { PageLoading } from '../components/page-loading';

/** Route handle: which /api/auth/me menu flag a route needs; without it the route is a 404. */
export interface RouteHandle {
  menu?: MenuItem;
}

// Every page is its own chunk (antd is heavy). A route's `lazy` modules load in parallel: the antd
// shell, the layout and the page arrive together.
const appRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import('./home-page')).HomePage }) },
  {
    path: 'register',
    handle: { menu: 'register' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../property/pages/register-page')).RegisterPage }),
    children: [
      {
        path: 'households/:id',
        lazy: async () => ({ Component: (await import('../property/pages/household-drawer')).HouseholdDrawer }),
      },
    ],
  },
  {
    path: 'admin/users',
    handle: { menu: 'users' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../users/pages/users-page')).UsersPage }),
  },
  {
    path: 'audit',
    handle: { menu: 'audit' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../audit/pages/audit-page')).AuditPage }),
  },
  { path: '*', lazy: async () => ({ Component: (await import('./not-found-page')).NotFoundPage }) },
];

const routes: RouteObject[] = [
  {
    id: 'root',
    lazy: async () => ({ Component: (await import('./antd-shell')).AntdShell }),
    HydrateFallback: PageLoading,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await import('../auth/pages/login-page')).LoginPage }) },
      { path: '/', lazy: async () => ({ Component: (await import('./app-layout')).AppLayout }), children: appRoutes },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
