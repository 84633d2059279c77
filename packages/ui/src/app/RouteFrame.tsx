import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorPage } from '../components/ErrorPage';
import { Skeleton } from '../components/Skeleton';

export interface RouteFrameProps {
  children: ReactNode;
  /** The current path: after an error, following any link gives the new page a fresh start. */
  pathname: string;
  homeHref: string;
  /** Told of every page crash, e.g. to report it to the server. */
  onError: (error: unknown) => void;
}

/** What surrounds every app's routes: a loading placeholder for lazy pages and an error page. */
export function RouteFrame({ children, pathname, homeHref, onError }: RouteFrameProps) {
  return (
    <ErrorBoundary resetKey={pathname} onError={onError} fallback={<ErrorPage homeHref={homeHref} />}>
      <Suspense fallback={<Skeleton lines={6} />}>{children}</Suspense>
    </ErrorBoundary>
  );
}
