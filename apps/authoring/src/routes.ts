import { lazy } from 'react';

// Each page is its own chunk so the first visit downloads only the page being shown.
const loadHome = () => import('./pages/StudioHomePage');
const loadNotFound = () => import('./pages/NotFoundRoute');

export const StudioHomePage = lazy(loadHome);
export const NotFoundRoute = lazy(loadNotFound);

/** `pathname` is the full browser path, including the /studio base. */
export function preloadRoute(pathname: string): void {
  const isHome = pathname === '/studio' || pathname === '/studio/';
  // A failed preload is harmless: React.lazy retries the import and the error boundary reports it.
  (isHome ? loadHome : loadNotFound)().catch(() => undefined);
}
