import { lazy } from 'react';

// Each page is its own chunk so the first visit downloads only the page being shown.
const loadHome = () => import('./pages/HomePage');
const loadNotFound = () => import('./pages/NotFoundRoute');

export const HomePage = lazy(loadHome);
export const NotFoundRoute = lazy(loadNotFound);

export function preloadRoute(pathname: string): void {
  // A failed preload is harmless: React.lazy retries the import and the error boundary reports it.
  const load = pathname === '/' ? loadHome : loadNotFound;
  load().catch(() => undefined);
}
