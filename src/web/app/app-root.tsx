import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '../lib/api';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter();

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
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
