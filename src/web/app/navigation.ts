import type { Me } from '../lib/session';
import type { MenuFlag, MenuFlags } from '../lib/menu';

// Kept apart from router.tsx so the layout and pages the router loads do not import the router back.

const DESK_ROLES = new Set(['cs_specialist', 'cs_assistant', 'front_desk']);

/** Where a user starts: the desk at the intake screen, technicians, engineers and vendors at their tasks. */
export function landingPath(me: Pick<Me, 'roles' | 'menu'>): string {
  const menu: MenuFlags = me.menu;
  if (menu.intake && me.roles.some((r) => DESK_ROLES.has(r))) return '/calls/new';
  if (menu.tasks && !menu.calls) return '/tasks';
  // Guards start at their open emergency steps.
  if (menu.duty && !menu.calls) return '/duty';
  return '/';
}

/** Route handle: which /api/auth/me menu flag a route needs; without it the route is a 404. */
export interface RouteHandle {
  menu?: MenuFlag;
}
