import { BarChartOutlined, DashboardOutlined, FileTextOutlined, PartitionOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { RouteObject } from 'react-router';
import { rt } from './messages';

/** The /api/auth/me menu flags these pages need (same shape as the router's RouteHandle). */
export interface ReportMenuFlags {
  board?: boolean;
  reports?: boolean;
}
type ReportHandle = { menu: keyof ReportMenuFlags };

/**
 * Children of the signed-in layout route ('/'), like the router's other app routes: relative paths,
 * one lazy chunk per page, and the menu flag a route needs in its handle (without it: 404).
 */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports/ledger',
    handle: { menu: 'reports' } satisfies ReportHandle,
    lazy: async () => ({ Component: (await import('./pages/ledger-page')).LedgerPage }),
  },
  {
    path: 'reports/stats',
    handle: { menu: 'reports' } satisfies ReportHandle,
    lazy: async () => ({ Component: (await import('./pages/stats-page')).StatsPage }),
  },
  {
    path: 'board',
    handle: { menu: 'board' } satisfies ReportHandle,
    lazy: async () => ({ Component: (await import('./pages/board-page')).BoardPage }),
  },
  {
    path: 'gt',
    handle: { menu: 'reports' } satisfies ReportHandle,
    lazy: async () => ({ Component: (await import('./pages/gt-page')).GtPage }),
  },
];

/** Menu keys (paths) of these pages, for the layout's selected-key match. */
export const reportMenuKeys = ['/reports/ledger', '/reports/stats', '/board', '/gt'] as const;

/** Side-menu entries for the flags /api/auth/me gives ({ key: path, label, icon }, as in AppLayout). */
export function reportMenuItems(menu: ReportMenuFlags): NonNullable<MenuProps['items']> {
  const items: NonNullable<MenuProps['items']> = [];
  if (menu.board) items.push({ key: '/board', icon: <DashboardOutlined />, label: rt('menu.board') });
  if (menu.reports) {
    items.push({ key: '/reports/ledger', icon: <FileTextOutlined />, label: rt('menu.ledger') });
    items.push({ key: '/reports/stats', icon: <BarChartOutlined />, label: rt('menu.stats') });
    items.push({ key: '/gt', icon: <PartitionOutlined />, label: rt('menu.gt') });
  }
  return items;
}
