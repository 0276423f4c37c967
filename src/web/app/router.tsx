import { createBrowserRouter, type RouteObject } from 'react-router';
import type { RouteHandle } from './navigation';
import { PageLoading } from '../components/page-loading';
import { RouteError } from '../components/route-error';

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
  {
    path: 'calls/new',
    handle: { menu: 'intake' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../calls/pages/intake-page')).IntakePage }),
  },
  {
    path: 'calls',
    handle: { menu: 'calls' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../calls/pages/calls-page')).CallsPage }),
  },
  {
    path: 'calls/:id',
    handle: { menu: 'calls' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../calls/pages/call-detail-page')).CallDetailPage }),
  },
  {
    path: 'tasks',
    handle: { menu: 'tasks' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../work-orders/pages/tasks-page')).TasksPage }),
  },
  {
    path: 'tasks/:id',
    handle: { menu: 'tasks' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../work-orders/pages/task-detail-page')).TaskDetailPage }),
  },
  {
    path: 'help',
    handle: { menu: 'help' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../help/pages/help-desk-page')).HelpDeskPage }),
  },
  // The playbooks: read by everyone involved, edited by the supervisors (the API decides).
  {
    path: 'help/playbooks',
    handle: { menu: 'help' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../help/pages/playbooks-page')).PlaybooksPage }),
  },
  // The incident page is for everyone involved (the desk, supervisors, guards): the API decides who may read it.
  {
    path: 'help/:id',
    lazy: async () => ({ Component: (await import('../help/pages/help-detail-page')).HelpDetailPage }),
  },
  {
    path: 'duty',
    handle: { menu: 'duty' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../help/pages/duty-page')).DutyPage }),
  },
  // The roster: read by everyone on it (the API decides), kept by the supervisors and the shift leader.
  {
    path: 'duty/roster',
    lazy: async () => ({ Component: (await import('../help/pages/roster-page')).RosterPage }),
  },
  {
    path: 'keys',
    handle: { menu: 'keys' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../keys/pages/keys-page')).KeysPage }),
  },
  {
    path: 'keys/print',
    handle: { menu: 'keys' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../keys/pages/loan-print-page')).LoanPrintPage }),
  },
  {
    path: 'archives',
    handle: { menu: 'archives' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../archives/pages/archives-page')).ArchivesPage }),
  },
  {
    path: 'archives/households/:id/print',
    handle: { menu: 'archives' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../archives/pages/signoff-print-page')).SignoffPrintPage }),
  },
  {
    path: 'accompanied',
    handle: { menu: 'accompanied' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../accompanied/pages/accompanied-page')).AccompaniedPage }),
  },
  {
    path: 'accompanied/:id',
    handle: { menu: 'accompanied' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../accompanied/pages/accompanied-view-page')).AccompaniedViewPage }),
  },
  {
    path: 'complaints',
    handle: { menu: 'complaints' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../complaints/pages/complaints-page')).ComplaintsPage }),
  },
  {
    path: 'complaints/:id',
    handle: { menu: 'complaints' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../complaints/pages/complaint-detail-page')).ComplaintDetailPage }),
  },
  {
    path: 'visits',
    handle: { menu: 'visits' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../visits/pages/visits-page')).VisitsPage }),
  },
  {
    path: 'contact-forms',
    handle: { menu: 'contactForms' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../contact-forms/pages/contact-forms-page')).ContactFormsPage }),
  },
  {
    path: 'contact-forms/:id',
    handle: { menu: 'contactForms' } satisfies RouteHandle,
    lazy: async () => ({ Component: (await import('../contact-forms/pages/contact-form-detail-page')).ContactFormDetailPage }),
  },
  { path: '*', lazy: async () => ({ Component: (await import('../components/not-found-page')).NotFoundPage }) },
];

const routes: RouteObject[] = [
  {
    id: 'root',
    lazy: async () => ({ Component: (await import('./antd-shell')).AntdShell }),
    HydrateFallback: PageLoading,
    // Error pages live in the first bundle: they must show when no other code can be fetched.
    ErrorBoundary: RouteError,
    children: [
      { path: '/login', lazy: async () => ({ Component: (await import('../auth/pages/login-page')).LoginPage }) },
      { id: 'app', path: '/', lazy: async () => ({ Component: (await import('./app-layout')).AppLayout }),
        // A pathless route between the layout and the pages: a failed page shows its error inside the layout,
        // the menu stays usable.
        children: [{ id: 'pages', ErrorBoundary: RouteError, children: appRoutes }],
      },
    ],
  },
];

export function createAppRouter() {
  let reports: Promise<void> | null = null;
  return createBrowserRouter(routes, {
    // The supervisors' pages (src/web/calls/ledger/routes.tsx) join the tree on the first navigation the known
    // routes match only through a parameter or the 404 splat, which is when one of them may be meant; their
    // module (menu icons, messages) so stays out of the first screen's bundle.
    patchRoutesOnNavigation: async ({ patch }) => {
      reports ??= import('../calls/ledger/routes').then(({ reportRoutes }) => patch('pages', reportRoutes));
      await reports;
    },
  });
}
