import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n, type LocaleLoaders } from '../i18n/initI18n';

export interface StartAppOptions {
  App: ComponentType;
  loaders: LocaleLoaders;
  /** Starts downloading the first page's code; runs while the translations download. */
  preloadRoute: (pathname: string) => void;
}

/** Mounts a web app into `#root` once its translations are in, fetching the page's code meanwhile. */
export function startApp({ App, loaders, preloadRoute }: StartAppOptions): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html must contain <div id="root">');
  preloadRoute(window.location.pathname);
  initI18n({ loaders })
    .catch((error: unknown) => console.error('Could not load translations', error))
    .finally(() => {
      createRoot(container).render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
    });
}
