import { QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { RouterProvider } from 'react-router';
import { SlotsProvider, type Slots } from '../lib/slots';
import { setUnauthorizedHandler } from '../lib/api';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter();

// Where features show each other's pieces (ADR 0011); lazy like the pages, so antd's heavier parts load on use.
const slots: Slots = {
  WorkOrderCard: lazy(async () => ({ default: (await import('../work-orders/components/work-order-card')).WorkOrderCard })),
  KeyDeskCard: lazy(async () => ({ default: (await import('../keys/components/key-desk-card')).KeyDeskCard })),
};

// A 401 from any call: the session is gone; drop cached data and go to the login page, then come back.
setUnauthorizedHandler((error) => {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  queryClient.clear();
  // An expired session says so on the login page; a first visit just shows the form.
  const notice = error.code === 'SESSION_EXPIRED' ? error.message : undefined;
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true, state: { notice } });
});

export function AppRoot() {
  return (
    <QueryClientProvider client={queryClient}>
      <SlotsProvider slots={slots}>
        <RouterProvider router={router} />
      </SlotsProvider>
    </QueryClientProvider>
  );
}
